package org.mpionspark.examples;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * The course's {@code compute_pi_mpi}: pi as the integral of 4/(1+x^2) over [0,1], by the
 * midpoint rule; each rank sums its block of intervals and an allreduce adds the blocks.
 *
 * <pre>
 * usage: Pi [ranks=4] [intervals=100000000]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=Pi
 *   on a cluster:       spark-submit --class org.mpionspark.examples.Pi mpi-on-spark-examples.jar 4
 * </pre>
 */
public final class Pi {

    private Pi() {
    }

    /** Rank {@code comm.rank()}'s share of the midpoint sum, then the world's total. */
    static double computePi(Communicator comm, long intervals) {
        double[] total = {blockSum(intervals, comm.rank(), comm.size())};
        comm.allreduce(total, total, Op.SUM);
        return total[0];
    }

    /** Block {@code part} of {@code parts} of the midpoint sum over {@code intervals} intervals. */
    static double blockSum(long intervals, int part, int parts) {
        long start = part * intervals / parts;
        long end = (part + 1) * intervals / parts;
        double width = 1.0 / intervals;
        double sum = 0;
        // x = width * (i + 0.5), i counted by an int from a double offset: a long-counted loop ran
        // 2-5x slower once the JIT compiled it again (notebooks-zeppelin's note 06)
        for (long from = start; from < end; from += Integer.MAX_VALUE) {
            int count = (int) Math.min(Integer.MAX_VALUE, end - from);
            double offset = from + 0.5;
            for (int j = 0; j < count; j++) {
                double x = width * (j + offset);
                sum += width * (4.0 / (1.0 + x * x));
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        long intervals = Examples.longArg(args, 1, 100_000_000L);
        try (JavaSparkContext jsc = Examples.sparkContext("Pi", ranks)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            mpi.run(ranks, comm -> comm.rank()); // first stage: warms Spark and the JIT
            long t0 = System.nanoTime();
            List<Double> pis = mpi.run(ranks, comm -> computePi(comm, intervals));
            double ms = (System.nanoTime() - t0) / 1e6;
            double pi = pis.get(0);
            System.out.printf("pi = %.15f (error %.3e) with %d ranks and %,d intervals in %.0f ms on %s%n",
                    pi, Math.abs(pi - Math.PI), ranks, intervals, ms, jsc.master());
        }
    }
}
