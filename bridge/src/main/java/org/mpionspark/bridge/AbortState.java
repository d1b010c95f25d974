package org.mpionspark.bridge;

import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.mpi.MpiAbortedException;

/**
 * Whether this rank's world has been aborted, and why: set by the driver's abort message or by
 * the host's cancellation (a Spark stage killed), read by every waiting call.
 */
public final class AbortState implements ControlLink.AbortListener {

    private record Reason(int failedRank, String message, Throwable error) {
    }

    private final int rank;
    private final BooleanSupplier cancelled;
    private volatile Reason reason;
    private volatile ControlLink link;

    /** {@code cancelled} is polled while waiting, e.g. Spark's {@code BarrierTaskContext::isInterrupted}. */
    public AbortState(int rank, BooleanSupplier cancelled) {
        this.rank = rank;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    @Override
    public void onAbort(int failedRank, String message, Throwable error) {
        if (reason == null) {
            reason = new Reason(failedRank, message, error);
        }
    }

    /** Lets {@link #abortWorld} reach the other ranks, through the driver. */
    void attach(ControlLink link) {
        this.link = link;
    }

    /** {@code MPI_Abort}: aborts this rank and, through the driver, every other rank of the world. */
    void abortWorld(int rank, String message) {
        onAbort(rank, message, null);
        ControlLink l = link;
        if (l != null) {
            l.reportFailure(message, new IllegalStateException(message));
        }
    }

    /** True once aborted or cancelled. */
    public boolean aborted() {
        if (reason == null && cancelled.getAsBoolean()) {
            onAbort(-1, "the stage was cancelled", null);
        }
        return reason != null;
    }

    /** Throws the abort, naming this rank, {@code operation} and {@code peer}, if there was one. */
    public void check(String operation, int peer) {
        if (aborted()) {
            Reason r = reason;
            throw new MpiAbortedException(rank, operation, peer, r.failedRank, "aborted: " + r.message, r.error);
        }
    }
}
