package org.mpionspark.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.MpiConf;

/**
 * A barrier stage needs a free task slot per rank, all at once; Spark itself would retry such a
 * stage 40 times, 15 s apart, in silence. This check counts free slots, not total ones: it fails
 * at once where the application can never have enough (local mode), and otherwise waits up to
 * {@code spark.mpi.slots.waitTimeout} for executors to register or busy slots to free, then
 * fails naming what holds them, such as a rank of an earlier stage whose code never returned.
 * Settings that rule out every barrier stage ({@link BarrierSettings}) fail first, before any wait.
 */
public final class SlotCheck {

    /**
     * How often the free slots are counted again while too few are: the status tracker lags a stage
     * that has just ended by a few milliseconds, and every SPMD stage right after another paid up to
     * a whole pause here (50 ms before).
     */
    private static final long RECHECK_MILLIS = 5;

    private SlotCheck() {
    }

    /**
     * {@code lingering}: ranks of failed worlds whose tasks still run; {@code sessions}: open
     * interactive sessions of {@code sc}, whose ranks hold their slots; both for the error message.
     */
    public static void require(SparkContext sc, SparkConf conf, int ranks, Supplier<List<String>> lingering,
                               Supplier<List<String>> sessions) {
        if (ranks < 1) {
            throw new IllegalArgumentException("an MPI world needs at least 1 rank, not " + ranks);
        }
        BarrierSettings.require(sc.getConf());
        boolean local = sc.master().startsWith("local") && !sc.master().startsWith("local-cluster");
        long wait = MpiConf.SLOTS_WAIT_TIMEOUT.get(conf);
        long deadline = System.currentTimeMillis() + wait;
        int total = slots(sc);
        List<String> stuck = lingering.get();
        int busy = busy(sc, stuck);
        while (total - busy < ranks && System.currentTimeMillis() < deadline && !(local && total < ranks)) {
            try {
                Thread.sleep(RECHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            total = slots(sc);
            stuck = lingering.get();
            busy = busy(sc, stuck);
        }
        if (total < ranks) {
            throw new MpiException(-1, "SPMD stage", -1, "needs " + ranks + " task slots at once (one per rank) "
                    + "but the application has only " + total + (local ? "" : " after waiting " + wait + " ms "
                    + "(spark.mpi.slots.waitTimeout) for executors to register: " + ExecutorCount.registered(sc, conf))
                    + " (master " + sc.master() + ", spark.task.cpus=" + conf.get("spark.task.cpus", "1")
                    + "); use at most " + total + " ranks or give the application more cores"
                    + (local ? "" : ", or raise spark.mpi.slots.waitTimeout to wait longer for executors"));
        }
        if (total - busy < ranks) {
            List<String> open = sessions.get();
            List<String> holders = new ArrayList<>();
            if (!open.isEmpty()) {
                holders.add("open MPI sessions hold their ranks' slots until closed (px.close()): "
                        + String.join(", ", open));
            }
            if (!stuck.isEmpty()) {
                holders.add("ranks whose world failed but whose code never returned hold " + stuck.size()
                        + " (their tasks cannot end): " + String.join("; ", stuck));
            }
            throw new MpiException(-1, "SPMD stage", -1, "needs " + ranks + " free task slots at once (one per rank) "
                    + "but only " + Math.max(0, total - busy) + " of " + total + " were free after waiting " + wait
                    + " ms (spark.mpi.slots.waitTimeout): " + (holders.isEmpty() ? "tasks of other jobs hold the others"
                        : String.join("; ", holders)));
        }
    }

    /** Task slots the default resource profile offers now, as Spark's own barrier check counts them. */
    static int slots(SparkContext sc) {
        return sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
    }

    /**
     * Slots taken: the scheduler's own count of running tasks (it frees a slot only when its task
     * ends, so ranks that never return are among them), or, if more, the tasks of active stages and
     * the caller's ranks that never returned. The status tracker's counts alone lag: tasks that start
     * together, as a barrier stage's do, are recorded one at a time, when later events come.
     */
    private static int busy(SparkContext sc, List<String> stuck) {
        int scheduler = 0;
        if (sc.taskScheduler() instanceof TaskSchedulerImpl tasks) {
            for (Object n : scala.jdk.javaapi.CollectionConverters.asJava(tasks.runningTasksByExecutors().values())) {
                scheduler += (Integer) n;
            }
        }
        return Math.max(scheduler, running(sc) + stuck.size());
    }

    /**
     * Tasks of the stages running now. Tasks of a failed stage that never return are not among
     * them (Spark counts the stage as over): the caller adds those of its own it knows.
     */
    private static int running(SparkContext sc) {
        int n = 0;
        for (int stage : sc.statusTracker().getActiveStageIds()) {
            SparkStageInfo info = sc.statusTracker().getStageInfo(stage).getOrElse(() -> null);
            n += info == null ? 0 : info.numActiveTasks();
        }
        return n;
    }
}
