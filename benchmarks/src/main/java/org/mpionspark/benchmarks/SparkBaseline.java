package org.mpionspark.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/** The pure-Spark side of the benchmarks (the same arrays, cached, and a correct element-wise sum) and their timing. */
final class SparkBaseline {

    private SparkBaseline() {
    }

    /** One {@code double[n]} per partition, filled with partition + 1, cached and materialised. */
    static JavaRDD<double[]> cachedArrays(JavaSparkContext jsc, int ranks, int n) {
        List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
        JavaRDD<double[]> data = jsc.parallelize(seeds, ranks).map(r -> {
            double[] v = new double[n];
            Arrays.fill(v, r + 1);
            return v;
        }).persist(StorageLevel.MEMORY_ONLY());
        data.count();
        return data;
    }

    /** Element-wise sum into a new array: a Spark job must not mutate cached data. */
    static double[] sum(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    /** Milliseconds of each of {@code reps} runs of {@code r}, after one untimed warm-up run. */
    static double[] time(int reps, Runnable r) {
        r.run();
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /**
     * Milliseconds of {@code reps} rounds of every run in {@code runs}, alternating (each round
     * starts with the next one), after {@code warmup} untimed rounds; {@code [run][round]}.
     */
    static double[][] alternate(int reps, int warmup, List<Runnable> runs) {
        int k = runs.size();
        double[][] ms = new double[k][reps];
        for (int i = -warmup; i < reps; i++) {
            for (int j = 0; j < k; j++) {
                int which = Math.floorMod(i + j, k);
                long t0 = System.nanoTime();
                runs.get(which).run();
                if (i >= 0) {
                    ms[which][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return ms;
    }

    /**
     * treeAggregate's merge as a careful Spark user writes it: the zero value is an empty array (so
     * no vector-sized zero travels with every task), the first element is copied, later ones added
     * into that aggregation buffer, never into cached data.
     */
    static double[] addInto(double[] acc, double[] b) {
        if (acc.length == 0) {
            return b.length == 0 ? acc : b.clone();
        }
        for (int i = 0; i < b.length; i++) {
            acc[i] += b[i];
        }
        return acc;
    }

    /**
     * What an allreduce gives that a reduce does not: the sum on every partition. Broadcasts
     * {@code sum} and runs a job whose every task of {@code data} reads it; checks the value seen.
     */
    static void everywhere(JavaSparkContext jsc, JavaRDD<double[]> data, double[] sum, double expected) {
        org.apache.spark.broadcast.Broadcast<double[]> b = jsc.broadcast(sum);
        double seen = data.mapPartitions(it -> List.of(b.value()[b.value().length - 1]).iterator())
                .reduce(Math::min);
        b.destroy();
        if (seen != expected || sum[0] != expected) {
            throw new IllegalStateException("Spark's sum gave " + seen + ", expected " + expected);
        }
    }

    static double median(double[] ms) {
        return org.mpionspark.benchmarks.report.Measurement.median(ms);
    }
}
