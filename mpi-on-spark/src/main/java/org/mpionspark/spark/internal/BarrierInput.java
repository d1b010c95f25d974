package org.mpionspark.spark.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.apache.spark.HashPartitioner;
import org.apache.spark.ShuffleDependency;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.mpionspark.bridge.rank.RankOptions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark runs a barrier stage only where every RDD of the stage has as many partitions as the stage
 * has tasks (SPARK-24820): {@code coalesce} and {@code union} break that. Such an input is put
 * behind a shuffle that keeps each partition whole, in order and at its index (partition p stays
 * rank p), lazily; records cross it through the object tier's Kryo, so any record that can travel
 * between ranks can come in. Any other input is left as it is, at no cost.
 */
public final class BarrierInput {

    private BarrierInput() {
    }

    /** {@code rdd}, or the same partitions behind a shuffle where Spark could not run a barrier stage over it. */
    public static <T> JavaRDD<T> of(JavaRDD<T> rdd, RankOptions options) {
        int n = rdd.getNumPartitions();
        if (fitsOneBarrierStage(rdd.rdd(), n)) {
            return rdd;
        }
        JavaPairRDD<Integer, byte[]> keyed = JavaPairRDD.fromJavaRDD(rdd.mapPartitionsWithIndex(
                (p, it) -> new KeyedIterator<>(p, encoding(it, p, options)), true));
        return keyed.partitionBy(new HashPartitioner(n)).values() // key p: partition p
                .mapPartitions(it -> Results.<T>decoding(it, options), true);
    }

    /** Whether every RDD in {@code rdd}'s stage (up to the shuffles) has {@code n} partitions, as Spark requires. */
    static boolean fitsOneBarrierStage(RDD<?> rdd, int n) {
        Deque<RDD<?>> todo = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        todo.push(rdd);
        while (!todo.isEmpty()) {
            RDD<?> r = todo.pop();
            if (!seen.add(r.id())) {
                continue;
            }
            if (r.getNumPartitions() != n) {
                return false;
            }
            for (org.apache.spark.Dependency<?> d : CollectionConverters.asJava(r.dependencies())) {
                if (!(d instanceof ShuffleDependency)) {
                    todo.push(d.rdd());
                }
            }
        }
        return true;
    }

    private static <T> java.util.Iterator<byte[]> encoding(java.util.Iterator<T> records, int partition,
                                                           RankOptions options) {
        org.mpionspark.bridge.serial.KryoCodec codec = options.codec();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public byte[] next() {
                T record = records.next();
                try {
                    return codec.encode(record);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new IllegalArgumentException("partition " + partition + " holds a record of class "
                            + (record == null ? "null" : record.getClass().getName()) + " that Kryo cannot serialise "
                            + "for the shuffle mapPartitions puts after coalesce or union: " + codec.describe(e), e);
                }
            }
        };
    }
}
