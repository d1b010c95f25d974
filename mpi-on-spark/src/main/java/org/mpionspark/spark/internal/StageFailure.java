package org.mpionspark.spark.internal;

import java.util.Optional;
import java.util.Properties;

import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.scheduler.Task;
import org.apache.spark.scheduler.TaskSet;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;

/**
 * The error a failed SPMD stage ends in, the same for {@code run} and {@code mapPartitions}: the
 * world's own diagnosis (the rank, why, the rank's exception as the cause) where the driver has one.
 */
public final class StageFailure {

    private StageFailure() {
    }

    /**
     * The error to throw for a failed stage of {@code ranks} ranks on {@code sc}; {@code spark}:
     * Spark's own error, or null. A rank's own error names the host and executor it ran on.
     */
    public static RuntimeException error(SparkContext sc, Optional<WorldFailure> failure, int ranks,
                                         Exception spark) {
        if (failure.isEmpty()) {
            return spark instanceof RuntimeException re ? re : new RuntimeException(spark);
        }
        WorldFailure f = failure.get();
        if (f.rank() < 0) {
            return f.error() instanceof MpiException me ? me
                    : new MpiException(-1, "SPMD stage of " + ranks + " ranks", -1, f.message(), spark);
        }
        if (f.error() != null) {
            String where = TaskHosts.of(sc).of(BarrierRank.stageOf(f.worldKey()), BarrierRank.attemptOf(f.worldKey()),
                    f.rank()).map(h -> " (on " + h + ")").orElse("");
            return new MpiRankFailedException(f.rank(), ranks, f.message() + where, f.error());
        }
        return new MpiRankFailedException(f.rank(), ranks, f.message() + sparkReason(spark), spark);
    }

    /**
     * Fails the jobs that run stage {@code stage} with {@code error} as the cause of Spark's
     * exception ("Job aborted due to stage failure: rank 2 of 4 failed: …"), as a failed task
     * would; where Spark's scheduler cannot be reached so, cancels the stage with the message.
     */
    public static void abort(SparkContext sc, int stage, int attempt, RuntimeException error) {
        try {
            TaskSet set = new TaskSet(new Task<?>[0], stage, attempt, 0, new Properties(),
                    ResourceProfile.DEFAULT_RESOURCE_PROFILE_ID(), scala.Option.empty());
            sc.dagScheduler().taskSetFailed(set, error.getMessage(), scala.Option.apply(error));
        } catch (RuntimeException | LinkageError e) { // a Spark whose scheduler differs: the message still says it
            sc.cancelStage(stage, "the SPMD stage failed: " + error.getMessage());
        }
    }

    /**
     * {@code e} as an action on an SPMD stage's result throws it: the {@link MpiException} Spark's
     * error carries as its cause, or {@code e} itself.
     */
    public static RuntimeException unwrap(Exception e) {
        if (e.getCause() instanceof MpiException me) {
            return me;
        }
        return StageFailure.<RuntimeException>rethrow(e);
    }

    /** Throws {@code e} as it is (Spark's exceptions are checked but thrown undeclared, from Scala). */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> RuntimeException rethrow(Exception e) throws E {
        throw (E) e;
    }

    /** What Spark says of a lost executor ("; Spark: ExecutorLostFailure (... Command exited with code 17)"), if it does. */
    private static String sparkReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            int at = m.indexOf("ExecutorLostFailure");
            if (at >= 0) {
                int end = m.indexOf('\n', at);
                return "; Spark: " + m.substring(at, end < 0 ? m.length() : end).trim();
            }
        }
        return "";
    }

    /** Whether Spark failed the job because an executor was lost, before any rank could say so. */
    public static boolean lostExecutor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("ExecutorLostFailure") || m.contains("Executor lost")) {
                return true;
            }
        }
        return false;
    }
}
