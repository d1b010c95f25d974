package org.mpionspark.bridge.wait;

import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;

/**
 * Whether this rank's world can still be used, and why not: aborted by the driver, cancelled by
 * the host (a Spark stage killed), or ended with its stage. Read by every call before it reaches
 * MPJ Express, so a dead world never lets a call block.
 */
public final class AbortState implements ControlLink.AbortListener {

    private record Reason(int failedRank, String message, Throwable error, boolean ended) {
    }

    private final int rank;
    private final BooleanSupplier cancelled;
    private volatile Reason reason;
    private volatile ControlLink link;
    private volatile Runnable onAbort = () -> { };

    /** {@code cancelled} is polled while waiting, e.g. Spark's {@code BarrierTaskContext::isInterrupted}. */
    public AbortState(int rank, BooleanSupplier cancelled) {
        this.rank = rank;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    @Override
    public void onAbort(int failedRank, String message, Throwable error) {
        if (set(new Reason(failedRank, message, error, false))) {
            onAbort.run();
        }
    }

    private synchronized boolean set(Reason r) {
        if (reason != null) {
            return false;
        }
        reason = r;
        return true;
    }

    /** Lets {@link #abortWorld} reach the other ranks, through the driver. */
    public void attach(ControlLink link) {
        this.link = link;
    }

    /**
     * Runs {@code action} once when the world is aborted, on whichever thread learns of it: it
     * tears the transport down, so that no thread stays blocked inside MPJ Express.
     */
    public void onAbort(Runnable action) {
        this.onAbort = action;
        if (reason != null) {
            action.run();
        }
    }

    /** {@code MPI_Abort}: aborts this rank and, through the driver, every other rank of the world. */
    public void abortWorld(int rank, String message) {
        onAbort(rank, message, null);
        ControlLink l = link;
        if (l != null) {
            l.reportFailure(message, new IllegalStateException(message));
        }
    }

    /** The world's stage is over: every later call fails at once, naming why. */
    public void end(String why) {
        set(new Reason(-1, why, null, true));
    }

    /** True once aborted, cancelled or ended. */
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
            if (r.ended) {
                throw new MpiException(rank, operation, peer, r.message);
            }
            throw new MpiAbortedException(rank, operation, peer, r.failedRank, "aborted: " + r.message, r.error);
        }
    }
}
