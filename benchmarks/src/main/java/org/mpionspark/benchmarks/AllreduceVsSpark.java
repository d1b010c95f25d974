package org.mpionspark.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * Sums one {@code double[n]} per rank, element-wise, three ways in the same Spark application:
 * the MPI path ({@code allreduce} inside an SPMD stage) and Spark's {@code reduce} and
 * {@code treeReduce} over a cached RDD holding the same arrays. Also times an empty SPMD stage
 * (the bootstrap cost) beside an empty barrier stage of plain Spark.
 *
 * <p>How to run (embedded local[4], 8 MB arrays, 15 repetitions):
 * <pre>mvn -B -q package -DskipTests -pl benchmarks -am -Drun=AllreduceVsSpark -Drun.args="4 1048576 15"</pre>
 * On another master: {@code -Drun.args="4 1048576 15 local-cluster[2,2,2048]"} (needs SPARK_HOME,
 * see the module README). Expected: the allreduce is several times faster than either reduce.
 */
public final class AllreduceVsSpark {

    private AllreduceVsSpark() {
    }

    public static void main(String[] args) {
        int ranks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 20;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        String master = args.length > 3 ? args[3] : "local[" + ranks + "]";
        SparkConf conf = new SparkConf().setAppName("AllreduceVsSpark").setIfMissing("spark.master", master);
        if (master.startsWith("local-cluster")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            System.out.printf("%d ranks, %d doubles (%.1f MB) per rank, %d repetitions, master %s%n",
                    ranks, n, n * 8 / 1e6, reps, jsc.master());

            // --- bootstrap: an empty SPMD stage vs an empty plain barrier stage
            List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
            double[] emptyBarrier = SparkBaseline.time(reps, () -> jsc.parallelize(seeds, ranks).rdd().barrier()
                    .mapPartitions(new Identity<>(), false, scala.reflect.ClassTag$.MODULE$.apply(Integer.class)).count());
            double[] emptySpmd = SparkBaseline.time(reps, () -> mpi.run(ranks, comm -> comm.rank()));
            row("empty Spark barrier stage", emptyBarrier, null);
            row("empty SPMD stage (bootstrap)", emptySpmd, emptyBarrier);

            // --- the MPI path: timed inside one stage, between barriers, by rank 0
            List<double[]> inside = mpi.run(ranks, comm -> {
                double[] v = new double[n];
                Arrays.fill(v, comm.rank() + 1);
                double[] out = new double[n];
                double[] ms = new double[reps + 3];
                for (int i = 0; i < ms.length; i++) {
                    comm.barrier();
                    long t0 = System.nanoTime();
                    comm.allreduce(v, out, Op.SUM);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                if (out[n - 1] != ranks * (ranks + 1) / 2.0) {
                    throw new IllegalStateException("wrong allreduce result " + out[n - 1]);
                }
                return Arrays.copyOfRange(ms, 3, ms.length); // the first ones warm the JIT
            });
            double[] mpiMs = inside.get(0);

            // --- the Spark baselines on the same data, cached
            JavaRDD<double[]> data = SparkBaseline.cachedArrays(jsc, ranks, n);
            for (int i = 0; i < 3; i++) {
                data.reduce(SparkBaseline::sum);
                data.treeReduce(SparkBaseline::sum);
            }
            double[] reduceMs = SparkBaseline.time(reps, () -> data.reduce(SparkBaseline::sum));
            double[] treeMs = SparkBaseline.time(reps, () -> data.treeReduce(SparkBaseline::sum));
            double[] stageMs = SparkBaseline.time(reps, () -> mpi.run(ranks, comm -> {
                double[] v = new double[n];
                Arrays.fill(v, comm.rank() + 1);
                comm.allreduce(v, v, Op.SUM);
                return v[0];
            }));

            row("MPI allreduce (inside a stage)", mpiMs, null);
            row("Spark reduce", reduceMs, mpiMs);
            row("Spark treeReduce", treeMs, mpiMs);
            row("SPMD stage: fill + allreduce", stageMs, null);
            System.out.printf("ratio treeReduce / MPI allreduce = %.1fx, reduce / MPI allreduce = %.1fx%n",
                    SparkBaseline.median(treeMs) / SparkBaseline.median(mpiMs), SparkBaseline.median(reduceMs) / SparkBaseline.median(mpiMs));
        }
    }

    /** The plain barrier stage's body: passes its partition through. */
    static final class Identity<T> extends scala.runtime.AbstractFunction1<scala.collection.Iterator<T>,
            scala.collection.Iterator<T>> implements java.io.Serializable {
        @Override
        public scala.collection.Iterator<T> apply(scala.collection.Iterator<T> it) {
            return it;
        }
    }


    private static void row(String what, double[] ms, double[] baseline) {
        double[] s = ms.clone();
        Arrays.sort(s);
        String vs = baseline == null ? "" : String.format("  (%.2fx of %s)", SparkBaseline.median(ms) / SparkBaseline.median(baseline),
                baseline == ms ? "itself" : "the row it is compared to");
        System.out.printf("%-32s median %8.1f ms  min %8.1f  max %8.1f%s%n", what, SparkBaseline.median(ms), s[0], s[s.length - 1], vs);
    }
}
