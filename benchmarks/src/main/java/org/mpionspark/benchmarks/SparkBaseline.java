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

    static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
