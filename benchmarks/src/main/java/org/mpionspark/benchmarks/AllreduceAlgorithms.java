package org.mpionspark.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.bridge.RankCommunicator;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * Allreduce (SUM of one {@code double[n]} per rank) by three paths, in one Spark application and
 * for several sizes: our allreduce (recursive doubling below 64 KB, ring above), MPJ Express's own
 * {@code Allreduce} (a tree reduce then a tree broadcast), and Spark's {@code treeReduce} of a
 * cached RDD holding the same arrays.
 *
 * <p>How to run (4 ranks on local[4]; 8 KB, 8 MB and 64 MB per rank; 10 repetitions):
 * <pre>mvn -B -q package -DskipTests -pl benchmarks -am -Drun=AllreduceAlgorithms -Drun.args="4 1024,1048576,8388608 10"</pre>
 * Expected: ours is the fastest at every size; the gap to MPJ's tree grows with the size.
 */
public final class AllreduceAlgorithms {

    private AllreduceAlgorithms() {
    }

    public static void main(String[] args) {
        int ranks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "1024,1048576,8388608").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        // MPJ Express's own Allreduce needs its sockets: the families are compared on the MPJ path
        SparkConf conf = new SparkConf().setAppName("AllreduceAlgorithms").setIfMissing("spark.master", "local[" + ranks + "]")
                .setIfMissing("spark.mpi.memoryPath", "false");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            System.out.printf("%d ranks, master %s, %d repetitions, medians in ms%n", ranks, jsc.master(), reps);
            System.out.printf("%12s %12s %12s %12s %14s %14s%n", "bytes/rank", "ours", "MPJ native", "treeReduce",
                    "MPJ/ours", "treeReduce/ours");
            for (int n : sizes) {
                List<double[]> inside = mpi.run(ranks, comm -> timeBoth(comm, n, reps));
                double ours = SparkBaseline.median(Arrays.copyOfRange(inside.get(0), 0, reps));
                double mpj = SparkBaseline.median(Arrays.copyOfRange(inside.get(0), reps, 2 * reps));
                double tree = treeReduce(jsc, ranks, n, reps);
                System.out.printf("%12d %12.2f %12.2f %12.2f %13.1fx %13.1fx%n", n * 8L, ours, mpj, tree,
                        mpj / ours, tree / ours);
            }
        }
    }

    /** Rank-side: {@code reps} timings of ours, then {@code reps} of MPJ's, each between barriers. */
    private static double[] timeBoth(Communicator comm, int n, int reps) {
        double[] v = new double[n];
        Arrays.fill(v, comm.rank() + 1);
        double[] out = new double[n];
        double expected = comm.size() * (comm.size() + 1) / 2.0;
        double[] ms = new double[2 * reps];
        RankCommunicator native_ = (RankCommunicator) comm;
        int warmUp = -Math.max(2, reps / 2); // as many untimed rounds as half the timed ones, for the JIT
        for (int i = warmUp; i < reps; i++) {
            comm.barrier();
            long t0 = System.nanoTime();
            comm.allreduce(v, out, Op.SUM);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            check(out, expected, "ours");
        }
        for (int i = warmUp; i < reps; i++) {
            comm.barrier();
            long t0 = System.nanoTime();
            native_.mpjNativeAllreduceSum(v, out);
            if (i >= 0) {
                ms[reps + i] = (System.nanoTime() - t0) / 1e6;
            }
            check(out, expected, "MPJ's");
        }
        return ms;
    }

    private static void check(double[] out, double expected, String who) {
        if (out.length > 0 && (out[0] != expected || out[out.length - 1] != expected)) {
            throw new IllegalStateException(who + " allreduce gave " + out[0] + ", expected " + expected);
        }
    }

    private static double treeReduce(JavaSparkContext jsc, int ranks, int n, int reps) {
        JavaRDD<double[]> data = SparkBaseline.cachedArrays(jsc, ranks, n);
        List<Double> ms = new ArrayList<>();
        for (int i = -2; i < reps; i++) {
            long t0 = System.nanoTime();
            double[] sum = data.treeReduce(SparkBaseline::sum);
            if (i >= 0) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            check(sum, ranks * (ranks + 1) / 2.0, "Spark's");
        }
        data.unpersist(true);
        return SparkBaseline.median(ms.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
