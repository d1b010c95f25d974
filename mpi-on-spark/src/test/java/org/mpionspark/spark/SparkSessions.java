package org.mpionspark.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark contexts for the tests: embedded local mode, and local-cluster with separate executor JVMs. */
final class SparkSessions {

    private SparkSessions() {
    }

    static JavaSparkContext local(int cores) {
        return new JavaSparkContext(localConf(cores));
    }

    /** The configuration of {@link #local}, to add to. */
    static SparkConf localConf(int cores) {
        return base("local[" + cores + "]");
    }

    /**
     * {@code local-cluster[workers,cores,memory]}: executors are separate JVMs launched from the
     * fake Spark home Maven builds (SPARK_HOME), with this test JVM's class path.
     */
    static JavaSparkContext localCluster(int workers, int coresPerWorker) {
        return new JavaSparkContext(localClusterConf(workers, coresPerWorker));
    }

    /** The configuration of {@link #localCluster}, to add to. */
    static SparkConf localClusterConf(int workers, int coresPerWorker) {
        return base("local-cluster[" + workers + "," + coresPerWorker + ",1024]")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.task.maxFailures", "4") // a cluster's default: Spark may run a failed stage again
                .set("spark.executor.memory", "1g");
    }

    static SparkConf base(String master) {
        return new SparkConf()
                .setMaster(master)
                .setAppName("mpi-on-spark-test")
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", "1")
                .set("spark.mpi.slots.waitTimeout", "60s")
                .set("spark.mpi.op.timeout", "60s")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
