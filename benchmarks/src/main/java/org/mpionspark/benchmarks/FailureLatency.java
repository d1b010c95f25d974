package org.mpionspark.benchmarks;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.JavaMpiContext;

/**
 * How long mistakes cost, beside a successful stage of the same shape: a rank that throws (the
 * abort reaching every other rank and the driver), a rank that calls {@code abort}, and the
 * course's deadlock trap found by the watchdog. Medians of {@code reps} stages.
 *
 * <p>How to run (embedded local[4], 10 repetitions, the watchdog at its 5 s default):
 * <pre>mvn -B -q package -DskipTests -pl benchmarks -am -Drun=FailureLatency -Drun.args="4 10"</pre>
 * Expected: a failing stage costs about as much as a successful one; a deadlock about the
 * watchdog's timeout plus one stage.
 */
public final class FailureLatency {

    private FailureLatency() {
    }

    public static void main(String[] args) {
        int ranks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SparkConf conf = new SparkConf().setAppName("FailureLatency").setIfMissing("spark.master", "local[" + ranks + "]")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            System.out.printf("%d ranks, %d repetitions, master %s, deadlock timeout %s%n", ranks, reps, jsc.master(),
                    conf.get("spark.mpi.deadlock.timeout", "5s"));
            double ok = SparkBaseline.median(SparkBaseline.time(reps, () -> mpi.run(ranks, comm -> {
                comm.barrier();
                return 0;
            })));
            double thrown = SparkBaseline.median(SparkBaseline.time(reps, () -> expect(MpiRankFailedException.class, () ->
                    mpi.run(ranks, comm -> {
                        if (comm.rank() == ranks - 1) {
                            throw new IllegalStateException("boom");
                        }
                        comm.recv(new int[1], ranks - 1, 0);
                        return 0;
                    }))));
            double aborted = SparkBaseline.median(SparkBaseline.time(reps, () -> expect(MpiRankFailedException.class, () ->
                    mpi.run(ranks, comm -> {
                        if (comm.rank() == 0) {
                            comm.abort(3);
                        }
                        comm.barrier();
                        return 0;
                    }))));
            double[] trap = SparkBaseline.time(Math.min(3, reps), () -> expect(MpiDeadlockException.class, () ->
                    mpi.run(2, comm -> {
                        int[] got = new int[1];
                        comm.recv(got, 1 - comm.rank(), 0);
                        return got[0];
                    })));
            System.out.printf("%-44s %9.1f ms%n", "successful stage (barrier)", ok);
            System.out.printf("%-44s %9.1f ms  (%.2fx a successful one)%n", "a rank throws, the others wait for it",
                    thrown, thrown / ok);
            System.out.printf("%-44s %9.1f ms  (%.2fx)%n", "rank 0 calls abort(3)", aborted, aborted / ok);
            System.out.printf("%-44s %9.1f ms  (%.2fx)%n", "deadlock trap, 2 ranks (watchdog)",
                    SparkBaseline.median(trap), SparkBaseline.median(trap) / ok);
        }
    }

    private static void expect(Class<? extends Exception> type, Runnable stage) {
        try {
            stage.run();
        } catch (RuntimeException e) {
            if (type.isInstance(e)) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("the stage was expected to fail with " + type.getSimpleName());
    }

}
