package org.mpionspark.examples;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.RankFunction;

/** What every example's {@code main} shares: its Spark context and its command-line arguments. */
final class Examples {

    private Examples() {
    }

    /**
     * A Spark context named after the example: embedded {@code local[slots]} unless
     * {@code spark.master} is set (by spark-submit, or {@code -Dspark.master=...}), so the same
     * class runs on a laptop and on a cluster. {@code settings} are key, value pairs, set unless
     * already given (spark-submit's {@code --conf} wins).
     */
    static JavaSparkContext sparkContext(String example, int slots, String... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings are key, value pairs: " + settings.length + " strings given");
        }
        SparkConf conf = new SparkConf().setAppName("mpi-on-spark " + example)
                .setIfMissing("spark.master", "local[" + slots + "]");
        for (int i = 0; i < settings.length; i += 2) {
            conf.setIfMissing(settings[i], settings[i + 1]);
        }
        return new JavaSparkContext(conf);
    }

    /** Argument {@code i} as an int, or {@code otherwise} when there are fewer arguments. */
    static int intArg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    /** Argument {@code i} as a long, or {@code otherwise} when there are fewer arguments. */
    static long longArg(String[] args, int i, long otherwise) {
        return args.length > i ? Long.parseLong(args[i]) : otherwise;
    }

    /** An array as numpy prints it: {@code [0.710 0.575 0.215]}, three decimals. */
    static String numpy(double[] a) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.3f", a[i]));
        }
        return s.append(']').toString();
    }

    /**
     * The {@code main} of an example whose ranks print, as a {@code %%px} cell: runs {@code body}
     * on {@code args[0]} ranks (default 4) and prints each rank's output, {@code [stdout:r] ...}.
     */
    static void printEachRank(String example, String[] args, RankFunction<?> body) {
        int ranks = intArg(args, 0, 4);
        try (JavaSparkContext jsc = sparkContext(example, ranks)) {
            System.out.print(new JavaMpiContext(jsc).runWithOutput(ranks, body).formatted());
        }
    }
}
