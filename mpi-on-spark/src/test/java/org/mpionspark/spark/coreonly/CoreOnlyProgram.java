package org.mpionspark.spark.coreonly;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.MpiSession;
import org.mpionspark.spark.SpmdResult;

/**
 * A plain RDD pipeline run by {@code CoreOnlyClassPathTest} in a JVM without spark-sql: pi by the
 * midpoint rule, each entry point once, each value printed as {@code name=value} for the test to check.
 * Lives in its own package so that nothing of the test package that names Datasets is loaded.
 */
public final class CoreOnlyProgram {

    private CoreOnlyProgram() {
    }

    public static void main(String[] args) {
        boolean sqlThere;
        try {
            Class.forName("org.apache.spark.sql.Dataset");
            sqlThere = true;
        } catch (ClassNotFoundException e) {
            sqlThere = false;
        }
        System.out.println("sql=" + sqlThere);
        JavaSparkContext jsc = new JavaSparkContext(new SparkConf().setMaster("local[3]").setAppName("core-only")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        try {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            List<Double> pi = mpi.run(3, comm -> {
                int n = 300_000;
                double[] sum = {0};
                for (int i = comm.rank(); i < n; i += comm.size()) {
                    double x = (i + 0.5) / n;
                    sum[0] += 4 / (1 + x * x) / n;
                }
                comm.allreduce(sum, sum, Op.SUM);
                return sum[0];
            });
            System.out.println("pi=" + pi.get(0) + "," + pi.get(1) + "," + pi.get(2));
            SpmdResult<Integer> printed = mpi.runWithOutput(2, comm -> {
                System.out.println("hello from " + comm.rank());
                return comm.rank() * 10;
            });
            System.out.println("output=" + printed.values() + printed.stdout().get(1).trim());
            List<Integer> sums = mpi.mapPartitions(jsc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3), (comm, part) -> {
                int[] s = {0};
                part.forEachRemaining(v -> s[0] += v);
                comm.allreduce(s, s, Op.SUM);
                return List.of(comm.rank() * 100 + s[0]).iterator();
            }).collect();
            System.out.println("rdd=" + sums);
            try (MpiSession session = mpi.session(2)) {
                List<Integer> sizes = session.runWithOutput((comm, state) -> comm.size() + comm.rank()).values();
                System.out.println("session=" + sizes);
            }
            try {
                mpi.mapPartitions(null, null, null); // the Dataset method, called as code compiled with Spark SQL would
                System.out.println("dataset=no error");
            } catch (org.mpionspark.mpi.MpiException e) {
                System.out.println("dataset=" + e.getMessage());
            }
        } finally {
            jsc.stop();
        }
    }
}
