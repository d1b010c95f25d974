package org.mpionspark.examples;

import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * A Spark SQL pipeline with an SPMD stage in the middle: a DataFrame of points (x, y) in, partition p
 * is rank p, each rank sums its part (n, Σx, Σy, Σx², Σxy), one {@code allreduce} adds the sums and
 * every rank fits the least-squares line; a DataFrame (rank, points, slope, intercept) out, which is
 * shown, joined and compared with Spark's own {@code regr_slope} / {@code regr_intercept}.
 *
 * <pre>
 * usage: DatasetPipeline [ranks=4] [points=1000000]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=DatasetPipeline
 *   on a cluster:       spark-submit --class org.mpionspark.examples.DatasetPipeline mpi-on-spark-examples.jar 4
 * </pre>
 */
public final class DatasetPipeline {

    private DatasetPipeline() {
    }

    /** What each rank returns: its rank, how many points it held, and the line fitted on all of them. */
    static final StructType FIT = new StructType()
            .add("rank", DataTypes.IntegerType, false)
            .add("points", DataTypes.LongType, false)
            .add("slope", DataTypes.DoubleType, false)
            .add("intercept", DataTypes.DoubleType, false);

    /** {@code n} points near y = 1.5 x + 20 (a deterministic wobble), columns x and y, in {@code parts} partitions. */
    static Dataset<Row> points(SparkSession spark, long n, int parts) {
        return spark.range(0, n, 1, parts).selectExpr("cast(id as double) / 1000 as x",
                "cast(1.5 * id / 1000 + 20 + ((id * 7919) % 101 - 50) * 0.01 as double) as y");
    }

    /** The SPMD stage: the points in, one row per rank out, each with the same fitted line. */
    static Dataset<Row> fit(JavaMpiContext mpi, Dataset<Row> points) {
        return mpi.mapPartitions(points, Encoders.row(FIT), DatasetPipeline::fitRank);
    }

    static Iterator<Row> fitRank(Communicator comm, Iterator<Row> part) {
        double[] s = new double[5]; // n, Σx, Σy, Σx², Σxy
        while (part.hasNext()) {
            Row r = part.next();
            double x = r.getDouble(0);
            double y = r.getDouble(1);
            s[0] += 1;
            s[1] += x;
            s[2] += y;
            s[3] += x * x;
            s[4] += x * y;
        }
        long mine = (long) s[0];
        comm.allreduce(s, s, Op.SUM);
        double slope = (s[0] * s[4] - s[1] * s[2]) / (s[0] * s[3] - s[1] * s[1]);
        double intercept = (s[2] - slope * s[1]) / s[0];
        return List.of(RowFactory.create(comm.rank(), mine, slope, intercept)).iterator();
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        long n = Examples.longArg(args, 1, 1_000_000L);
        try (JavaSparkContext jsc = Examples.sparkContext("DatasetPipeline", ranks)) {
            SparkSession spark = SparkSession.builder().sparkContext(jsc.sc()).getOrCreate();
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            Dataset<Row> pts = points(spark, n, ranks);

            Dataset<Row> fits = fit(mpi, pts); // lazy: nothing has run yet
            fits.show();
            Row spark_ = pts.selectExpr("regr_slope(y, x)", "regr_intercept(y, x)").first();
            Row ours = fits.first();
            System.out.printf("MPI allreduce: slope %.12f intercept %.12f%n", ours.getDouble(2), ours.getDouble(3));
            System.out.printf("Spark SQL:     slope %.12f intercept %.12f%n", spark_.getDouble(0), spark_.getDouble(1));
            System.out.printf("difference:    %.3e %.3e%n", Math.abs(ours.getDouble(2) - spark_.getDouble(0)),
                    Math.abs(ours.getDouble(3) - spark_.getDouble(1)));

            // the result is a plain Dataset: join it with what Spark counts per partition
            Dataset<Row> counted = pts.selectExpr("spark_partition_id() as rank").groupBy("rank").count();
            fits.join(counted, "rank").selectExpr("rank", "points", "count as spark_count").orderBy("rank").show();
        }
    }
}
