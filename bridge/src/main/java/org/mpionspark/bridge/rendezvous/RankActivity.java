package org.mpionspark.bridge.rendezvous;

import java.util.ArrayList;
import java.util.List;

/**
 * What the driver knows of one admitted rank: running its own code, blocked in an MPI call (as
 * the rank reports once a wait lasts), or done. The watchdog and the blame of a timeout read it.
 */
final class RankActivity {

    private final int rank;
    private String blockedIn;
    private long progress;
    private long sinceNanos = System.nanoTime();
    private boolean done;

    RankActivity(int rank) {
        this.rank = rank;
    }

    /** A report from the rank: {@code call} null means it runs its own code again. */
    synchronized void report(String call, long progress) {
        if (call == null || !call.equals(blockedIn) || progress != this.progress) {
            sinceNanos = System.nanoTime();
        }
        this.blockedIn = call;
        this.progress = progress;
    }

    synchronized void done() {
        done = true;
        sinceNanos = System.nanoTime();
    }

    synchronized boolean blocked() {
        return blockedIn != null && !done;
    }

    synchronized boolean running() {
        return blockedIn == null && !done;
    }

    /** Nanoseconds since this rank last changed state or moved a byte. */
    synchronized long unchangedNanos(long now) {
        return now - sinceNanos;
    }

    /** E.g. "rank 0 blocked in recv(int[1], source=1, tag=0) for 5.0 s". */
    synchronized String describe(long now) {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", (now - sinceNanos) / 1e9);
        if (done) {
            return "rank " + rank + " done";
        }
        return blockedIn != null ? "rank " + rank + " blocked in " + blockedIn + " for " + seconds
                : "rank " + rank + " running its own code (in no MPI call) for " + seconds;
    }

    /**
     * The deadlock verdict over a world's ranks: every rank not done is blocked, and none has
     * changed or moved a byte for {@code limitNanos}. Returns each rank's call, or null.
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
