package org.mpionspark.examples;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mpionspark.spark.JavaMpiContext;

/**
 * What a new cluster (YARN, Kubernetes, standalone) should pass, in one application so that it
 * pays for its executors once: where each rank runs (each prints it to its own stdout, the YARN
 * container's log), pi, the even/odd communicators, a Mandelbrot image compared with a
 * one-process computation, and a {@code mapPartitions} over a Dataset compared with Spark SQL.
 * Arguments: ranks (4), and intervals of a last, long pi stage (none by default), in which to kill
 * an executor.
 */
public final class ClusterCheck {

    private ClusterCheck() {
    }

    /** Where a rank runs: its executor, the YARN container ({@code CONTAINER_ID}, if any), its host. */
    static String placement(int rank) throws Exception {
        String line = "rank " + rank + " runs in executor " + SparkEnv.get().executorId() + ", container "
                + System.getenv("CONTAINER_ID") + ", host " + InetAddress.getLocalHost().getHostName();
        System.out.println(line); // the executor's own stdout: on YARN, the container's log
        return line;
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        try (JavaSparkContext jsc = Examples.sparkContext("ClusterCheck", ranks)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            mpi.run(ranks, comm -> placement(comm.rank())).forEach(p -> System.out.println("placement: " + p));

            double pi = mpi.run(ranks, comm -> Pi.computePi(comm, 10_000_000L)).get(0);
            System.out.printf("pi = %.15f%n", pi);

            System.out.print(mpi.runWithOutput(ranks, EvenOdd::evenOdd).formatted());

            Mandelbrot.Frame frame = Mandelbrot.Frame.course(250, 203); // rows not a multiple of the ranks
            int[] image = mpi.run(ranks, comm -> Mandelbrot.render(comm, frame)).get(0);
            System.out.println("mandelbrot 250x203 equals one process: "
                    + Arrays.equals(image, Mandelbrot.rows(frame, 0, frame.height())));

            SparkSession spark = SparkSession.builder().sparkContext(jsc.sc()).getOrCreate();
            var points = DatasetPipeline.points(spark, 100_000, ranks);
            List<Row> fits = DatasetPipeline.fit(mpi, points).collectAsList();
            Row sql = points.selectExpr("regr_slope(y, x)", "regr_intercept(y, x)").first();
            for (Row r : fits) {
                System.out.printf("dataset rank %d: %d points, slope off Spark SQL's by %.1e, intercept by %.1e%n",
                        r.getInt(0), r.getLong(1), Math.abs(r.getDouble(2) - sql.getDouble(0)),
                        Math.abs(r.getDouble(3) - sql.getDouble(1)));
            }

            long longIntervals = Examples.longArg(args, 1, 0);
            if (longIntervals > 0) { // a long last stage, to see what a lost executor does to it
                System.out.println("long stage: pi over " + longIntervals + " intervals");
                System.out.printf("long pi = %.15f%n", mpi.run(ranks, comm -> Pi.computePi(comm, longIntervals)).get(0));
            }
        }
    }
}
