package org.mpionspark.spark.internal;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.mpionspark.bridge.rank.RankOptions;
import scala.reflect.ClassTag$;

/**
 * The records of an SPMD stage, decoded from their Kryo bytes partition by partition; its
 * {@code collect}, {@code take} and {@code first} bring the bytes to the driver and decode them
 * there, so records that are not {@code Serializable} reach the driver too (other actions use
 * {@code spark.serializer}, as on any RDD). A failed SPMD stage makes them throw its
 * {@link org.mpionspark.mpi.MpiException}, as {@code run} does; other actions throw Spark's error with it as the cause.
 */
public final class DecodedRdd<R> extends JavaRDD<R> {

    private static final long serialVersionUID = 1L;

    private final JavaRDD<byte[]> encoded;
    private final RankOptions options;

    public DecodedRdd(JavaRDD<byte[]> encoded, RankOptions options) {
        super(encoded.mapPartitions(it -> Results.<R>decoding(it, options), true).rdd(),
                ClassTag$.MODULE$.apply(Object.class));
        this.encoded = encoded;
        this.options = options;
    }

    @Override
    public List<R> collect() {
        try {
            return Results.decodeAll(encoded.collect(), options);
        } catch (Exception e) { // Spark's error carries the world's, as run throws it
            throw StageFailure.unwrap(e);
        }
    }

    @Override
    public List<R> take(int num) {
        try {
            return Results.decodeAll(encoded.take(num), options);
        } catch (Exception e) {
            throw StageFailure.unwrap(e);
        }
    }

    @Override
    public R first() {
        List<R> one = take(1);
        if (one.isEmpty()) {
            throw new UnsupportedOperationException("empty collection"); // what RDD.first says
        }
        return one.get(0);
    }
}
