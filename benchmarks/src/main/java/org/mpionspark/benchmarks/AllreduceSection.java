package org.mpionspark.benchmarks;

import java.io.IOException;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/**
 * Allreduce of a {@code double[]} per rank, one size and rank count at a time, every peer in turn:
 * ours (automatic choice, then each family forced) and MPJ Express's own after ours in the same
 * stage ({@link AllreduceOnRanks}), then
 * Spark's {@code reduce}, {@code treeReduce} and {@code treeAggregate} (each followed by the
 * broadcast that puts the sum on every partition) alternating; Open MPI runs before and after
 * them, and the better of its two medians is kept.
 */
final class AllreduceSection {

    static final String SECTION = "allreduce";
    static final String OURS = "ours (auto)";
    static final String OURS_SHARED = "ours (shared cores: fewest messages)";
    static final String OURS_OWN = "ours (a core each: fewest rounds)";
    static final String MPJ = "MPJ Express Allreduce";
    /** Ours with every message through MPJ Express (JMH's name for it; Spark's is the master "..., memory path off"). */
    static final String OURS_OVER_MPJ = "ours (over MPJ Express, memory path off)";
    static final String REDUCE = "Spark reduce + broadcast";
    static final String TREE_REDUCE = "Spark treeReduce + broadcast";
    static final String TREE_AGGREGATE = "Spark treeAggregate + broadcast";

    private final Ranks ranks;
    private final JavaSparkContext jsc;
    private final NativeMpi nativeMpi;
    private final Results results;

    /** {@code jsc} null: no Spark baselines; {@code nativeMpi} null: no Open MPI either. */
    AllreduceSection(Ranks ranks, JavaSparkContext jsc, NativeMpi nativeMpi, Results results) {
        this.ranks = ranks;
        this.jsc = jsc;
        this.nativeMpi = nativeMpi;
        this.results = results;
    }

    void measure(int size, long bytes, int baseReps) throws IOException {
        int n = (int) Math.max(1, bytes / 8);
        int reps = RankTimes.reps(bytes, baseReps);
        int warmup = RankTimes.warmup(reps);
        String master = ranks.master();
        System.out.printf("allreduce: %d ranks, %s per rank, %s, %d repetitions%n", size, org.mpionspark.benchmarks.report.Units.bytes(bytes), master, reps);

        boolean withNative = nativeMpi != null && nativeMpi.available();
        int nativeReps = Math.max(10, reps); // cheap next to ours: more samples make its median steadier
        List<Measurement> nativeBefore = withNative ? nativeMpi.allreduce(size, new long[] {bytes}, nativeReps, warmup)
                : List.of();
        int jvmWarmup = RankTimes.warmupInJvm(reps, bytes);
        List<RankTimes> auto = ranks.run(size, null, comm -> AllreduceOnRanks.time(comm, n, reps, jvmWarmup, true));
        results.add(Measurement.of(SECTION, OURS, master, size, bytes, RankTimes.slowest(auto, 0)));
        if (auto.get(0).missing() == null) {
            results.add(Measurement.of(SECTION, MPJ, master, size, bytes, RankTimes.slowest(auto, 1)));
        } else {
            results.note(SECTION, "MPJ Express's own Allreduce not measured on " + master + ": " + auto.get(0).missing());
        }
        for (boolean shared : new boolean[] {true, false}) {
            List<RankTimes> forced = ranks.run(size, shared, comm -> AllreduceOnRanks.time(comm, n, reps, jvmWarmup, false));
            results.add(Measurement.of(SECTION, shared ? OURS_SHARED : OURS_OWN, master, size, bytes,
                    RankTimes.slowest(forced, 0)));
        }
        if (jsc != null) {
            spark(size, n, bytes, reps, master);
        }
        if (withNative) {
            results.addAll(NativeMpi.better(nativeBefore, nativeMpi.allreduce(size, new long[] {bytes}, nativeReps, warmup)));
        }
    }

    private void spark(int size, int n, long bytes, int reps, String master) {
        JavaRDD<double[]> data = SparkBaseline.cachedArrays(jsc, size, n);
        double expected = size * (size + 1) / 2.0;
        List<Runnable> runs = List.of(
                () -> SparkBaseline.everywhere(jsc, data, data.reduce(SparkBaseline::sum), expected),
                () -> SparkBaseline.everywhere(jsc, data, data.treeReduce(SparkBaseline::sum), expected),
                () -> SparkBaseline.everywhere(jsc, data,
                        data.treeAggregate(new double[0], SparkBaseline::addInto, SparkBaseline::addInto), expected));
        double[][] ms = SparkBaseline.alternate(reps, 1, runs);
        data.unpersist(true);
        results.add(Measurement.of(SECTION, REDUCE, master, size, bytes, ms[0]));
        results.add(Measurement.of(SECTION, TREE_REDUCE, master, size, bytes, ms[1]));
        results.add(Measurement.of(SECTION, TREE_AGGREGATE, master, size, bytes, ms[2]));
    }
}
