package org.mpionspark.spark.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/** How many executors have registered with the driver, and how many the application expects, for messages. */
final class ExecutorCount {

    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*");

    private ExecutorCount() {
    }

    /** E.g. "executors registered: 0 of 8 expected", or "…: 1 (spark.executor.instances is not set)". */
    static String registered(SparkContext sc, SparkConf conf) {
        int registered = Math.max(0, sc.statusTracker().getExecutorInfos().length - 1); // less the driver
        String expected = expected(sc.master(), conf);
        return "executors registered: " + registered + (expected == null
                ? " (the number expected is not known: spark.executor.instances is not set)" : " of " + expected);
    }

    /** The executors the master will start, where the settings say. */
    private static String expected(String master, SparkConf conf) {
        Matcher m = LOCAL_CLUSTER.matcher(master);
        if (m.matches()) {
            return m.group(1) + " expected";
        }
        if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            return conf.get("spark.dynamicAllocation.minExecutors", "0") + " at least (dynamic allocation)";
        }
        if (conf.contains("spark.executor.instances")) {
            return conf.get("spark.executor.instances") + " expected";
        }
        if (conf.contains("spark.cores.max") && conf.contains("spark.executor.cores")) {
            return conf.getInt("spark.cores.max", 0) / Math.max(1, conf.getInt("spark.executor.cores", 1))
                    + " expected (spark.cores.max / spark.executor.cores)";
        }
        return null;
    }
}
