package org.mpionspark.bridge.loader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's idle MPJ Express loaders, kept for the next world: a world takes one that no running
 * world holds (or a new one), and gives it back only if it ended cleanly, its MPJ statics reset
 * (by the caller, which knows MPJ). So the first world of a JVM pays MPJ's class
 * definition and warm-up, the next ones reuse them; concurrent worlds still get a loader each.
 * A loader whose world failed is dropped, never pooled, and collected like any other.
 */
public final class LoaderPool {

    /** Idle loaders kept at most: more would only hold classes for worlds that run side by side. */
    static final int MAX_IDLE = 8;

    /** How long a world waits for a loader whose last world still closes, before it makes a new one. */
    static final long CLOSING_WAIT_MILLIS = 1_500;

    /** Guards both: idle loaders, and those whose world closes in the background and may come back. */
    private static final Deque<RankClassLoader> IDLE = new ArrayDeque<>();
    private static final java.util.Set<RankClassLoader> CLOSING = new java.util.HashSet<>();
    private static final AtomicLong REUSED = new AtomicLong();

    private LoaderPool() {
    }

    /**
     * An idle loader, the one given back last; else, while some world of this JVM still closes, that
     * world's loader once it comes back (waiting at most {@link #CLOSING_WAIT_MILLIS}); else a new one.
     */
    public static RankClassLoader take() {
        long deadline = System.nanoTime() + CLOSING_WAIT_MILLIS * 1_000_000L;
        synchronized (IDLE) {
            waitWhile(() -> IDLE.isEmpty() && !CLOSING.isEmpty(), deadline);
            RankClassLoader l = IDLE.pollFirst();
            if (l != null) {
                REUSED.incrementAndGet();
                return l;
            }
        }
        return new RankClassLoader(LoaderPool.class.getClassLoader(), "MPJ Express #" + (RankClassLoader.made() + 1));
    }

    /** Says {@code loader}'s world is closing in the background: it may come back by {@link #giveBack}. */
    public static void closing(RankClassLoader loader) {
        if (loader != null) {
            synchronized (IDLE) {
                CLOSING.add(loader);
            }
        }
    }

    /**
     * Gives {@code loader} back after its world: pooled if {@code clean} (its device torn down,
     * every thread of it ended, nothing failed, its MPJ statics reset); dropped otherwise.
     * Whether it was pooled.
     */
    public static boolean giveBack(RankClassLoader loader, boolean clean) {
        synchronized (IDLE) {
            CLOSING.remove(loader);
            boolean pooled = clean && IDLE.size() < MAX_IDLE && !IDLE.contains(loader);
            if (pooled) {
                IDLE.addFirst(loader);
            }
            IDLE.notifyAll();
            return pooled;
        }
    }

    /** How many loaders wait in the pool now. */
    public static int idle() {
        synchronized (IDLE) {
            return IDLE.size();
        }
    }

    /** Waits until no world of this JVM closes in the background, at most {@code millis}; whether none does. */
    public static boolean awaitNoneClosing(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (IDLE) {
            return waitWhile(() -> !CLOSING.isEmpty(), deadline);
        }
    }

    /** Waits on the pool (its lock held) while {@code busy} holds, until {@code deadline}; whether it ended. */
    private static boolean waitWhile(java.util.function.BooleanSupplier busy, long deadline) {
        while (busy.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                IDLE.wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** How many worlds of this JVM got a pooled loader instead of a new one. */
    public static long reused() {
        return REUSED.get();
    }

    /** Drops every idle loader (they are collected once unreachable); running worlds keep theirs. */
    public static void clear() {
        synchronized (IDLE) {
            IDLE.clear();
        }
    }
}
