package org.mpionspark.spark.internal;

import java.util.List;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkExecutorInfo;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.MpiConf;

/**
 * A barrier stage needs a free task slot per rank, all at once; Spark itself would retry such a
 * stage 40 times, 15 s apart, in silence. This check counts free slots, not total ones: it fails
 * at once where the application can never have enough (local mode), and otherwise waits up to
 * {@code spark.mpi.slots.waitTimeout} for executors to register or busy slots to free, then
 * fails naming what holds them, such as a rank of an earlier stage whose code never returned.
 */
public final class SlotCheck {

    private SlotCheck() {
    }

    /** {@code lingering}: ranks of failed worlds whose tasks still run, for the error message. */
    public static void require(SparkContext sc, int ranks, java.util.function.Supplier<List<String>> lingering) {
        if (ranks < 1) {
            throw new IllegalArgumentException("an MPI world needs at least 1 rank, not " + ranks);
        }
        boolean local = sc.master().startsWith("local") && !sc.master().startsWith("local-cluster");
        long wait = MpiConf.SLOTS_WAIT_TIMEOUT.get(sc.getConf());
        long deadline = System.currentTimeMillis() + wait;
        int total = slots(sc);
        int busy = running(sc);
        while (total - busy < ranks && System.currentTimeMillis() < deadline && !(local && total < ranks)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            total = slots(sc);
            busy = running(sc);
        }
        if (total < ranks) {
            throw new MpiException(-1, "SPMD stage", -1, "needs " + ranks + " task slots at once (one per rank) "
                    + "but the application has only " + total + " (master " + sc.master() + ", spark.task.cpus="
                    + sc.getConf().get("spark.task.cpus", "1") + "); use at most " + total
                    + " ranks or give the application more cores");
        }
        if (total - busy < ranks) {
            List<String> stuck = lingering.get();
            throw new MpiException(-1, "SPMD stage", -1, "needs " + ranks + " free task slots at once (one per rank) "
                    + "but only " + (total - busy) + " of " + total + " were free after waiting " + wait + " ms "
                    + "(spark.mpi.slots.waitTimeout): " + busy + " running task(s) hold the others"
                    + (stuck.isEmpty() ? ", from other jobs of this application"
                        : "; among them ranks whose world failed but whose code never returned, so their tasks "
                            + "cannot end: " + String.join("; ", stuck)));
        }
    }

    /** Task slots the default resource profile offers now, as Spark's own barrier check counts them. */
    static int slots(SparkContext sc) {
        return sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
    }

    /** Tasks running now, on every executor (and on the driver in local mode): one slot each. */
    private static int running(SparkContext sc) {
        int n = 0;
        for (SparkExecutorInfo e : sc.statusTracker().getExecutorInfos()) {
            n += e.numRunningTasks();
        }
        return n;
    }
}
