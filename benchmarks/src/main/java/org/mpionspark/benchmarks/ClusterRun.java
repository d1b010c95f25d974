package org.mpionspark.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.benchmarks.report.Results;

/**
 * The report's measurements on a Spark cluster, as an application of its own: the {@code cluster}
 * master ({@link ClusterSection}) submits it with spark-submit from the namespace cluster's driver
 * namespace, once per number of ranks a worker runs. Empty SPMD stage beside an empty barrier
 * stage, allreduce, bcast and barrier at each rank count given, ping-pong between two executors;
 * allreduce and ping-pong again with {@code spark.mpi.network.lanes=false} (the master's name ends
 * in ", lanes off"); the medians go to a results file the report reads, also when a part fails.
 *
 * <pre>
 * ClusterRun OUT.tsv EXECUTORS RANKS SIZES REPS PARTS      (RANKS 4 or 2,4; SIZES 8,1048576: bytes; PARTS allreduce,pingpong,stages)
 * </pre>
 */
public final class ClusterRun {

    private ClusterRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: ClusterRun OUT.tsv EXECUTORS RANKS SIZES REPS PARTS, not "
                    + Arrays.toString(args));
        }
        Path out = Path.of(args[0]);
        int executors = Integer.parseInt(args[1]);
        int[] ranks = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        long[] sizes = Profile.sizes(args[3]);
        int reps = Integer.parseInt(args[4]);
        Set<String> parts = Set.of(args[5].split(","));
        Results results = new Results();
        SparkConf conf = new SparkConf().setAppName("mpi-on-spark benchmark report (cluster master)")
                .setIfMissing("spark.mpi.slots.waitTimeout", "120s")
                .setIfMissing("spark.driver.maxResultSize", "2g");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            awaitExecutors(jsc, executors, 180);
            Ranks spark = Ranks.spark(jsc);
            if (parts.contains("stages")) {
                for (int n : ranks) {
                    StageSection.measure(jsc, n, reps, results);
                }
            }
            if (parts.contains("allreduce") || parts.contains("pingpong")) {
                for (int n : ranks) {
                    JitWarmup.run(spark, n);
                }
            }
            if (parts.contains("allreduce")) {
                AllreduceSection allreduce = new AllreduceSection(spark, null, null, results);
                for (int n : ranks) {
                    for (long b : sizes) {
                        allreduce.measure(n, b, reps);
                    }
                    CollectivesOnRanks.measure(spark, n, sizes, reps, results);
                }
            }
            if (parts.contains("allreduce")) { // messages between executors on MPJ Express's niodev, as before the lanes
                AllreduceSection allreduce = new AllreduceSection(Ranks.spark(jsc, Ranks.Path.LANES_OFF), null, null, results);
                for (int n : ranks) {
                    for (long b : sizes) {
                        allreduce.measure(n, b, reps);
                    }
                }
            }
            if (parts.contains("pingpong")) { // one rank on each of two executors, on lanes and on niodev
                PingPongSection.ranks(spark, sizes, reps, results, PingPongSection.RAW_SOCKET_BETWEEN);
                PingPongSection.ranks(Ranks.spark(jsc, Ranks.Path.LANES_OFF), sizes, reps, results,
                        PingPongSection.RAW_SOCKET_BETWEEN);
            }
        } finally {
            results.writeTsv(out, "");
        }
    }

    /**
     * Waits until {@code executors} executors have registered: tasks spread one per executor only
     * when every executor is there (Spark offers each free slot in turn).
     */
    private static void awaitExecutors(JavaSparkContext jsc, int executors, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int seen;
        while ((seen = jsc.sc().getExecutorMemoryStatus().size() - 1) < executors) { // the driver is one of them
            if (System.nanoTime() > end) {
                throw new IllegalStateException(seen + " of " + executors + " executors registered after " + seconds
                        + " s: is every worker up, with 2 free cores and the executor memory?");
            }
            Thread.sleep(200);
        }
        System.out.printf("%d executors registered%n", seen);
    }
}
