package org.mpionspark.spark.internal;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.TaskContext;
import org.mpionspark.mpi.MpiException;

/**
 * SPMD stages and session cells are started from the driver only: one started from inside a
 * Spark task (a rank, a session cell) would wait for ever for task slots its own stage holds.
 */
public final class DriverOnly {

    private DriverOnly() {
    }

    /**
     * Throws an {@link MpiException} naming {@code call} unless the caller is on the driver:
     * {@code onDriver} is false for an object that travelled to an executor (its context is gone).
     */
    public static void check(String call, boolean onDriver, String instead) {
        TaskContext tc = TaskContext.get();
        if (onDriver && tc == null) {
            return;
        }
        int rank = tc instanceof BarrierTaskContext ? tc.partitionId() : -1;
        String where = tc == null ? "outside the driver (the object travelled to an executor)"
                : "inside a Spark task (stage " + tc.stageId() + ", partition " + tc.partitionId()
                        + (rank >= 0 ? ": a rank or a session cell" : "") + ")";
        throw new MpiException(rank, call, -1, call + " was called " + where + "; " + instead);
    }
}
