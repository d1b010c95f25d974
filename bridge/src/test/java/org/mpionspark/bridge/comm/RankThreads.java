package org.mpionspark.bridge.comm;

import java.util.List;

/** The threads of every rank of this JVM that are still alive: after a world ends, none should be. */
final class RankThreads {

    private RankThreads() {
    }

    /** Rank class loaders still reachable after a bounded number of collections. */
    static int liveLoadersAfterGc() {
        for (int i = 0; i < 20 && org.mpionspark.bridge.loader.RankClassLoader.live() > 0; i++) {
            System.gc();
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        return org.mpionspark.bridge.loader.RankClassLoader.live();
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
