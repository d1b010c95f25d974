package org.mpionspark.bridge.wait;

import org.mpionspark.bridge.rendezvous.ControlLink;

/**
 * Tells the driver when this rank has waited in one MPI call for a while, and when it runs its
 * own code again. The driver's watchdog sees a deadlock when every rank of a world waits and none
 * moves a byte, and a timeout can then blame the rank that is in no call at all. Short waits, the
 * common case, send nothing.
 */
public final class BlockReport {

    /** A wait shorter than this is never reported. */
    static final long REPORT_AFTER_NANOS = 200_000_000L;
    /**
     * A reported wait whose progress changed is reported again at most this often: well inside
     * the shortest useful deadlock timeout, so a slow transfer never looks stuck.
     */
    private static final long REFRESH_NANOS = 50_000_000L;

    private final ControlLink link;
    private boolean reported;
    /** What the driver was last told this rank polls in vain, or null. */
    private String pollingReported;
    private long pollingSent;
    private long lastSent;
    private long lastProgress;

    /** {@code link}: where to report; null reports nothing (a rank without a driver). */
    public BlockReport(ControlLink link) {
        this.link = link;
    }

    /**
     * Called while a wait goes on: reports it once it has lasted long enough, and again when it
     * moves; {@code collective}: the collective call it belongs to, encoded, or null.
     */
    synchronized void waiting(String operation, String collective, long startedNanos, long nowNanos, long progress) {
        if (link == null || nowNanos - startedNanos < REPORT_AFTER_NANOS) {
            return;
        }
        if (!reported || (progress != lastProgress && nowNanos - lastSent > REFRESH_NANOS)) {
            link.reportState(operation, progress, false, collective);
            reported = true;
            lastSent = nowNanos;
            lastProgress = progress;
        }
    }

    /**
     * Called while the rank's own code polls {@code calls} in vain ({@link PollWatch}): reported
     * when it changes, and renewed every {@code renewNanos}, since the driver's view of it lapses.
     */
    synchronized void polling(String calls, long nowNanos, long renewNanos) {
        if (link != null && (!calls.equals(pollingReported) || nowNanos - pollingSent >= renewNanos)) {
            link.reportState(calls, 0, true);
            pollingReported = calls;
            pollingSent = nowNanos;
        }
    }

    /** Called when polling in vain ends: something completed, or the rank did something else. */
    synchronized void pollingEnded() {
        if (pollingReported != null) {
            pollingReported = null;
            link.reportState(null, 0);
        }
    }

    /**
     * Called when a wait ends: {@code done} if it completed, false if it threw, which leaves the
     * driver's view at the failed call (the rank is failing in it) until the next report.
     */
    synchronized void resumed(boolean done) {
        if (reported) {
            reported = false;
            if (done) {
                link.reportState(null, 0);
            }
        }
    }
}
