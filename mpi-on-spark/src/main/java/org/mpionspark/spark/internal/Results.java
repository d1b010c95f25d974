package org.mpionspark.spark.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.serial.KryoCodec;

/**
 * The values ranks return, on their way out of the barrier stage: encoded with the object tier's
 * Kryo on the rank, decoded on the driver ({@code run}) or after the shuffle ({@code mapPartitions}),
 * so a value that can travel between ranks can be returned, {@code Serializable} or not.
 */
public final class Results {

    private Results() {
    }

    /** Encodes one rank's records; an encoding error names the rank and the record's class. */
    static final class Encoder {
        private final KryoCodec codec;
        private final int rank;

        Encoder(RankOptions options, int rank) {
            this.codec = options.codec();
            this.rank = rank;
        }

        byte[] encode(Object record) {
            try {
                return codec.encode(record);
            } catch (RuntimeException | StackOverflowError e) {
                throw new IllegalArgumentException("rank " + rank + " returned a value of class "
                        + (record == null ? "null" : record.getClass().getName()) + " that Kryo cannot serialise: "
                        + codec.describe(e), e);
            }
        }
    }

    /** Decodes {@code encoded} with the calling thread's class loader, in order. */
    public static <R> List<R> decodeAll(List<byte[]> encoded, RankOptions options) {
        List<R> out = new ArrayList<>(encoded.size());
        Results.<R>decoding(encoded.iterator(), options).forEachRemaining(out::add);
        return out;
    }

    /** Decodes {@code encoded} lazily, one codec for the whole iterator (one partition). */
    public static <R> Iterator<R> decoding(Iterator<byte[]> encoded, RankOptions options) {
        KryoCodec codec = options.codec();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return encoded.hasNext();
            }

            @Override
            @SuppressWarnings("unchecked")
            public R next() {
                byte[] bytes = encoded.next();
                try {
                    return (R) codec.decode(bytes);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot deserialise a value a rank returned (" + bytes.length
                            + " bytes): " + codec.describe(e), e);
                }
            }
        };
    }
}
