package org.mpionspark.mpj;

import org.apache.spark.SparkConf;

/** Spark configurations of the tests: embedded local mode, and local-cluster with separate executor JVMs. */
final class Contexts {

    private Contexts() {
    }

    static SparkConf localConf(int cores) {
        return base("local[" + cores + "]");
    }

    /** {@code local-cluster[workers,cores,1024]}: executors launched from the Spark home Maven assembles, with this JVM's class path. */
    static SparkConf localClusterConf(int workers, int cores) {
        return base("local-cluster[" + workers + "," + cores + ",1024]")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.memory", "1g");
    }

    private static SparkConf base(String master) {
        return new SparkConf().setMaster(master).setAppName("mpj-api-test")
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", "1")
                .set("spark.mpi.slots.waitTimeout", "60s")
                .set("spark.mpi.op.timeout", "60s")
                .set("spark.mpi.deadlock.timeout", "2s")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
