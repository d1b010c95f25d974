package org.mpionspark.bridge.comm;

import java.util.List;

import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.wait.Waiter;

/** The threads of every rank of this JVM that are still alive: after a world ends, none should be. */
final class RankThreads {

    private RankThreads() {
    }

    /**
     * Rank class loaders still reachable after a bounded number of collections, beyond those idle in
     * the {@link LoaderPool} (kept on purpose for the next world) once every world here has closed:
     * every loader a world still held.
     */
    static int liveLoadersAfterGc() {
        LoaderPool.awaitNoneClosing(30_000); // the last world's endpoints close in the background
        for (int i = 0; i < 20 && RankClassLoader.live() > LoaderPool.idle(); i++) {
            System.gc();
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        return RankClassLoader.live() - LoaderPool.idle();
    }

    /**
     * Waits, at most 30 s, until every one of {@code threads} (each set by its rank just before the
     * call; null until then) is inside a wait of its rank: what a test means by "the peers wait by now".
     */
    static void awaitWaiting(java.util.concurrent.atomic.AtomicReferenceArray<Thread> threads) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!allWaiting(threads) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static boolean allWaiting(java.util.concurrent.atomic.AtomicReferenceArray<Thread> threads) {
        for (int i = 0; i < threads.length(); i++) {
            if (!waiting(threads.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code t} is inside a wait of its rank (a poll of the {@link Waiter}). */
    static boolean waiting(Thread t) {
        if (t == null) {
            return false;
        }
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().equals(Waiter.class.getName()) && f.getMethodName().equals("poll")) {
                return true;
            }
        }
        return false;
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getThreadGroup() != null && t.getThreadGroup().getName().startsWith("mpi rank"))
                .map(t -> t.getName() + " in " + t.getThreadGroup().getName())
                .sorted()
                .toList();
    }
}
