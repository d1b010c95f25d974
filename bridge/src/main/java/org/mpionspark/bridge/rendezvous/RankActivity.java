package org.mpionspark.bridge.rendezvous;

import java.util.ArrayList;
import java.util.List;

/**
 * What the driver knows of one admitted rank: running its own code, blocked in an MPI call (as
 * the rank reports once a wait lasts), polling requests in vain, or done. The watchdog and the
 * blame of a timeout read it.
 *
 * <p>Polling is a lease: the rank reports it again and again while it polls in vain (at least every
 * 250 ms, {@code bridge.wait.PollWatch}), and it holds for {@link #POLL_LEASE_NANOS} after the
 * latest report; then the rank counts as running its own code. A polling rank counts as unchanged
 * only from its first report to its latest, so a rank that stopped polling to compute is never
 * credited with time it did not spend polling.
 */
final class RankActivity {

    /** How long a report of polling in vain holds without the next one. */
    static final long POLL_LEASE_NANOS = 1_000_000_000L;

    private final int rank;
    private String blockedIn;
    /** The collective call the rank waits in, where its wait is one; null otherwise. */
    private CollectiveCall collective;
    private long progress;
    private boolean polling;
    private long sinceNanos = System.nanoTime();
    private long lastReportNanos = sinceNanos;
    private boolean done;

    RankActivity(int rank) {
        this.rank = rank;
    }

    /**
     * A report from the rank: {@code call} null means it runs its own code again; {@code polling}:
     * its own code polls {@code call} in vain.
     */
    synchronized void report(String call, long progress, boolean polling) {
        report(call, progress, polling, null);
    }

    /** As above; {@code collective}: the collective call the wait belongs to, as the rank encoded it, or empty. */
    synchronized void report(String call, long progress, boolean polling, String collective) {
        long now = System.nanoTime();
        if (call == null || !call.equals(blockedIn) || progress != this.progress || polling != this.polling
                || lapsed(now)) {
            sinceNanos = now;
        }
        this.blockedIn = call;
        this.collective = call == null || polling ? null : CollectiveCall.parse(collective);
        this.progress = progress;
        this.polling = polling;
        this.lastReportNanos = now;
    }

    /** Whether a polling report has gone unrenewed past its lease: the rank runs its own code. */
    private boolean lapsed(long now) {
        return polling && now - lastReportNanos >= POLL_LEASE_NANOS;
    }

    synchronized void done() {
        done = true;
        sinceNanos = System.nanoTime();
    }

    synchronized boolean blocked() {
        return blockedIn != null && !done && !lapsed(System.nanoTime());
    }

    /** Whether the rank finished cleanly. */
    synchronized boolean finished() {
        return done;
    }

    /** The collective call this rank waits in (or failed in: its last report stays), or null. */
    synchronized CollectiveCall collective() {
        return done ? null : collective;
    }

    synchronized boolean running() {
        return !done && (blockedIn == null || lapsed(System.nanoTime()));
    }

    /**
     * Nanoseconds since this rank last changed state or moved a byte; for a rank polling in vain,
     * the time its reports cover, and for one whose polling lapsed, the time since its latest report.
     */
    synchronized long unchangedNanos(long now) {
        if (polling && !done) {
            return lapsed(now) ? now - lastReportNanos : lastReportNanos - sinceNanos;
        }
        return now - sinceNanos;
    }

    /** E.g. "rank 0 blocked in recv(int[1], source=1, tag=0) for 5.0 s", "rank 1 polling test(...) in vain for 5.0 s". */
    synchronized String describe(long now) {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", unchangedNanos(now) / 1e9);
        if (done) {
            return "rank " + rank + " done";
        }
        if (blockedIn == null || lapsed(now)) {
            return "rank " + rank + " running its own code (in no MPI call) for " + seconds;
        }
        return polling ? "rank " + rank + " polling " + blockedIn + " in vain for " + seconds
                : "rank " + rank + " blocked in " + blockedIn + " for " + seconds;
    }

    /**
     * The deadlock verdict over a world's ranks: every rank not done is blocked (or polling in
     * vain), and none has changed or moved a byte for {@code limitNanos}. Returns each rank's call, or null.
     */
    static List<String> deadlock(RankActivity[] ranks, long limitNanos) {
        long now = System.nanoTime();
        boolean anyBlocked = false;
        for (RankActivity a : ranks) {
            if (a == null || a.running() || (a.blocked() && a.unchangedNanos(now) < limitNanos)) {
                return null;
            }
            anyBlocked |= a.blocked();
        }
        if (!anyBlocked) {
            return null;
        }
        List<String> calls = new ArrayList<>();
        for (RankActivity a : ranks) {
            calls.add(a.describe(now));
        }
        return calls;
    }

    /** "rank 0 blocked in ...; rank 1 running ..." for every rank. */
    static String describeAll(RankActivity[] ranks) {
        long now = System.nanoTime();
        List<String> out = new ArrayList<>();
        for (RankActivity a : ranks) {
            if (a != null) {
                out.add(a.describe(now));
            }
        }
        return String.join("; ", out);
    }
}
