package org.mpionspark.benchmarks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * The collectives that go in two levels across executor JVMs, timed with
 * {@code spark.mpi.collectives.twoLevel} at {@code never}, {@code always} and {@code auto}: one
 * stage per mode, the modes in turn, for several rounds; each cell is the median over the rounds of
 * a stage's median (each repetition after a barrier, as long as its slowest rank). Arguments: the
 * master (default {@code local-cluster[2,2,1024]}: two ranks per executor JVM), bytes per rank
 * (default 8, 8k, 64k, 1m), rounds (default 3), then any settings as {@code key=value,key=value}.
 */
public final class TwoLevelTimes {

    private static final String[] MODES = {"never", "always", "auto"};
    private static final String[] COLLECTIVES = {"gather", "scatter", "allgather", "alltoall", "reduceScatter",
        "scan", "bcast", "allreduce"};

    private TwoLevelTimes() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local-cluster[2,2,1024]";
        int[] bytes = Stream.of((args.length > 1 ? args[1] : "8,8k,64k,1m").split(","))
                .mapToInt(TwoLevelTimes::bytes).toArray();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int ranks = ranks(master);
        SparkConf conf = new SparkConf().setAppName("two levels").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.mpi.slots.waitTimeout", "240s");
        if (master.startsWith("local-cluster")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        for (String setting : args.length > 3 ? args[3].split(",") : new String[0]) {
            conf.set(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        Map<String, List<double[]>> byMode = new LinkedHashMap<>();
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            mpi.run(ranks, Communicator::rank); // executors up, classes loaded
            for (int round = 0; round < rounds; round++) {
                for (String mode : MODES) {
                    double[] medians = mpi.withConf("spark.mpi.collectives.twoLevel", mode)
                            .run(ranks, comm -> new Times(bytes).on(comm)).get(0);
                    byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(medians);
                }
            }
        }
        System.out.printf("%s, %d ranks, medians of %d rounds (µs)%s%n%n", master, ranks, rounds,
                args.length > 3 ? ", " + args[3] : "");
        System.out.println("| collective | bytes per rank | never | always | auto | always / never |");
        System.out.println("|---|---|---|---|---|---|");
        for (int c = 0; c < COLLECTIVES.length; c++) {
            for (int s = 0; s < bytes.length; s++) {
                int cell = c * bytes.length + s;
                double[] m = Arrays.stream(MODES).mapToDouble(mode -> Measurement.median(byMode.get(mode).stream()
                        .mapToDouble(row -> row[cell]).toArray())).toArray();
                System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.2f |%n", COLLECTIVES[c], bytes[s], m[0], m[1], m[2],
                        m[1] / m[0]);
            }
        }
    }

    /** One stage's timings on a rank: every collective at every size; rank 0's copy holds the slowest rank's. */
    private record Times(int[] bytes) implements Serializable {

        double[] on(Communicator comm) {
            double[] out = new double[COLLECTIVES.length * bytes.length];
            for (int c = 0; c < COLLECTIVES.length; c++) {
                for (int s = 0; s < bytes.length; s++) {
                    int n = Math.max(1, bytes[s] / 8);
                    int reps = bytes[s] >= 1 << 20 ? 8 : 30;
                    double[] us = new double[reps];
                    for (int i = -3; i < reps; i++) {
                        comm.barrier();
                        long t0 = System.nanoTime();
                        run(comm, c, n);
                        double[] t = {(System.nanoTime() - t0) / 1e3};
                        comm.allreduce(Communicator.IN_PLACE, t, Op.MAX);
                        if (i >= 0) {
                            us[i] = t[0];
                        }
                    }
                    out[c * bytes.length + s] = Measurement.median(us);
                }
            }
            return out;
        }

        /** Collective {@code c} on {@code n} longs per rank (rank 0 the root). */
        private static void run(Communicator comm, int c, int n) {
            int p = comm.size();
            boolean root = comm.rank() == 0;
            long[] block = new long[n];
            long[] all = new long[p * n];
            switch (COLLECTIVES[c]) {
                case "gather" -> comm.gather(block, root ? all : null, 0);
                case "scatter" -> comm.scatter(root ? all : null, block, 0);
                case "allgather" -> comm.allgather(block, all);
                case "alltoall" -> comm.alltoall(all, new long[p * n]);
                case "reduceScatter" -> {
                    int[] counts = new int[p];
                    Arrays.fill(counts, n);
                    comm.reduceScatter(all, block, counts, Op.SUM);
                }
                case "scan" -> comm.scan(block, new long[n], Op.SUM);
                case "bcast" -> comm.bcast(block, 0);
                default -> comm.allreduce(block, new long[n], Op.SUM);
            }
        }
    }

    /** The ranks a master holds: workers x cores of {@code local-cluster[w,c,mem]}, N of {@code local[N]}. */
    private static int ranks(String master) {
        String inside = master.substring(master.indexOf('[') + 1, master.indexOf(']'));
        String[] parts = inside.split(",");
        return parts.length >= 2 ? Integer.parseInt(parts[0].trim()) * Integer.parseInt(parts[1].trim())
                : Integer.parseInt(parts[0].trim());
    }

    /** {@code 8}, {@code 8k}, {@code 1m}: bytes. */
    private static int bytes(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        int unit = t.endsWith("k") ? 1 << 10 : t.endsWith("m") ? 1 << 20 : 1;
        return Integer.parseInt(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }
}
