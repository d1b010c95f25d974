package org.mpionspark.spark.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.spark.SparkEnv;
import org.mpionspark.bridge.rank.RankOptions;
import scala.reflect.ClassTag$;

/**
 * The values session cells return, on their way to the driver. A {@code java.io.Serializable}
 * value goes by Java serialisation (Spark's closure serializer): Scala's collections rebuild
 * themselves through their serialisation proxies, which Kryo's field-by-field copy gets wrong (a
 * Scala {@code List} comes back as "head of empty list"). Any other value goes through the object
 * tier's Kryo, as {@link Results} sends those of one-shot stages.
 */
final class CellValues {

    private static final byte KRYO = 0;
    private static final byte JAVA = 1;

    private CellValues() {
    }

    static byte[] encode(Object value, Results.Encoder kryo) {
        byte[] body;
        byte how;
        if (value instanceof java.io.Serializable) {
            ByteBuffer b = SparkEnv.get().closureSerializer().newInstance().serialize(value,
                    ClassTag$.MODULE$.apply(Object.class));
            body = new byte[b.remaining()];
            b.get(body);
            how = JAVA;
        } else {
            body = kryo.encode(value);
            how = KRYO;
        }
        byte[] out = new byte[body.length + 1];
        out[0] = how;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** Decodes with the calling thread's class loader (a notebook's REPL classes included). */
    static Object decode(byte[] bytes, RankOptions options) {
        byte[] body = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        if (bytes[0] == KRYO) {
            return Results.decodeAll(List.of(body), options).get(0);
        }
        try {
            return SparkEnv.get().closureSerializer().newInstance().deserialize(ByteBuffer.wrap(body),
                    Thread.currentThread().getContextClassLoader(), ClassTag$.MODULE$.apply(Object.class));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot deserialise a value a rank returned (" + body.length + " bytes): "
                    + e, e);
        }
    }
}
