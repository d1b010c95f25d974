package org.mpionspark.spark.internal;

import org.apache.spark.SparkContext;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.MpiConf;

/**
 * A barrier stage needs a free task slot per rank, all at once. Spark itself would retry such a
 * stage 40 times, 15 s apart; this check fails at once in local mode, and after
 * {@code spark.mpi.slots.waitTimeout} on a cluster whose executors may still be registering.
 */
public final class SlotCheck {

    private SlotCheck() {
    }

    public static void require(SparkContext sc, int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("an MPI world needs at least 1 rank, not " + ranks);
        }
        boolean local = sc.master().startsWith("local") && !sc.master().startsWith("local-cluster");
        long deadline = System.currentTimeMillis() + (local ? 0 : MpiConf.SLOTS_WAIT_TIMEOUT.get(sc.getConf()));
        int slots = slots(sc);
        while (slots < ranks && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            slots = slots(sc);
        }
        if (slots < ranks) {
            throw new MpiException(-1, "SPMD stage", -1, "needs " + ranks + " task slots at once (one per rank) "
                    + "but the application has only " + slots + " (master " + sc.master() + ", spark.task.cpus="
                    + sc.getConf().get("spark.task.cpus", "1") + "); use at most " + slots
                    + " ranks or give the application more cores");
        }
    }

    /** Task slots the default resource profile offers now, as Spark's own barrier check counts them. */
    static int slots(SparkContext sc) {
        return sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
    }
}
