package org.mpionspark.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * What a stage costs before any work: an empty SPMD stage (MPJ bootstrap, rendezvous, finalize)
 * beside an empty barrier stage and an empty plain stage; then the whole job (stage, load, an
 * 8 MB allreduce, the sum on every partition) beside the Spark job that gives the same answer.
 */
final class StageSection {

    static final String SECTION = "stages";
    static final String BASELINE = "empty plain stage";
    static final String BARRIER = "empty barrier stage";
    static final String SPMD = "empty SPMD stage";
    static final String JOB_MPI = "job: load + allreduce 8 MB (SPMD mapPartitions)";
    static final String JOB_SPARK = "job: load + treeReduce 8 MB + broadcast (Spark)";

    private StageSection() {
    }

    /** What a row is compared with: the jobs with each other (Spark's is the baseline), stages with the plain one. */
    static String baselineOf(String method) {
        return method.startsWith("job:") ? JOB_SPARK : BASELINE;
    }

    static void measure(JavaSparkContext jsc, int ranks, int reps, Results results) {
        System.out.printf("stages: %d ranks, %s%n", ranks, jsc.master());
        JavaMpiContext mpi = new JavaMpiContext(jsc);
        List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
        double[][] empty = SparkBaseline.alternate(reps, 2, List.of(
                () -> jsc.parallelize(seeds, ranks).count(),
                () -> jsc.parallelize(seeds, ranks).rdd().barrier().mapPartitions(new Identity<>(),
                        false, scala.reflect.ClassTag$.MODULE$.apply(Integer.class)).count(),
                () -> mpi.run(ranks, Communicator::rank)));
        String master = jsc.master();
        results.add(Measurement.of(SECTION, BASELINE, master, ranks, 0, empty[0]));
        results.add(Measurement.of(SECTION, BARRIER, master, ranks, 0, empty[1]));
        results.add(Measurement.of(SECTION, SPMD, master, ranks, 0, empty[2]));

        int n = 1 << 20;
        double expected = ranks * (ranks + 1) / 2.0;
        double[][] job = SparkBaseline.alternate(Math.max(3, reps / 2), 1, List.of(
                () -> mpiJob(mpi, jsc.parallelize(seeds, ranks), n, expected),
                () -> sparkJob(jsc, jsc.parallelize(seeds, ranks), n, expected)));
        results.add(Measurement.of(SECTION, JOB_SPARK, master, ranks, 0, job[1]));
        results.add(Measurement.of(SECTION, JOB_MPI, master, ranks, 0, job[0]));
    }

    /** Each rank fills its array from its partition, the allreduce leaves the sum on every rank. */
    private static void mpiJob(JavaMpiContext mpi, JavaRDD<Integer> seeds, int n, double expected) {
        List<Double> last = mpi.mapPartitions(seeds, (comm, part) -> {
            double[] v = new double[n];
            Arrays.fill(v, part.next() + 1);
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            return List.of(v[n - 1]).iterator();
        }).collect();
        if (last.stream().anyMatch(x -> x != expected)) {
            throw new IllegalStateException("SPMD job gave " + last + ", expected " + expected);
        }
    }

    /** The same answer from Spark alone: the arrays, their sum at the driver, then on every partition. */
    private static void sparkJob(JavaSparkContext jsc, JavaRDD<Integer> seeds, int n, double expected) {
        JavaRDD<double[]> data = seeds.map(s -> {
            double[] v = new double[n];
            Arrays.fill(v, s + 1);
            return v;
        }).cache();
        SparkBaseline.everywhere(jsc, data, data.treeReduce(SparkBaseline::sum), expected);
        data.unpersist(false);
    }

    /** The plain barrier stage's body: passes its partition through. */
    static final class Identity<T> extends scala.runtime.AbstractFunction1<scala.collection.Iterator<T>,
            scala.collection.Iterator<T>> implements java.io.Serializable {
        @Override
        public scala.collection.Iterator<T> apply(scala.collection.Iterator<T> it) {
            return it;
        }
    }
}
