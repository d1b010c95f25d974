package org.mpionspark.spark.internal;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdFunction;

/**
 * The Spark SQL side of {@code JavaMpiContext.mapPartitions} over a Dataset, in its own class so
 * that Spark SQL is loaded only when a Dataset method is called: applications with only
 * spark-core never load it.
 */
public final class DatasetStage {

    private DatasetStage() {
    }

    /** The SPMD stage over {@code ds}'s partitions as a lazy {@code Dataset<R>} through {@code encoder}. */
    public static <T, R> Dataset<R> mapPartitions(JavaMpiContext mpi, Dataset<T> ds, Encoder<R> encoder,
                                                  SpmdFunction<T, R> body) {
        if (ds == null || encoder == null || body == null) {
            throw new IllegalArgumentException("mapPartitions(Dataset, Encoder, SpmdFunction) needs all three: "
                    + (ds == null ? "the Dataset is null" : encoder == null
                            ? "the Encoder of the result is null (e.g. Encoders.STRING(), Encoders.bean(C.class), "
                                    + "Encoders.row(schema))"
                            : "the SpmdFunction is null"));
        }
        if (ds.sparkSession().sparkContext() != mpi.sparkContext().sc()) {
            throw new IllegalArgumentException("the Dataset belongs to another SparkContext than this JavaMpiContext's");
        }
        JavaRDD<T> rdd = ds.javaRDD();
        if (rdd.getNumPartitions() == 0) {
            throw new IllegalArgumentException("the Dataset has 0 partitions, so an SPMD stage over it would have "
                    + "no ranks; repartition it (partition p is rank p)");
        }
        JavaRDD<R> out = mpi.mapPartitions(rdd, body);
        return ds.sparkSession().createDataset(out.rdd(), encoder);
    }
}
