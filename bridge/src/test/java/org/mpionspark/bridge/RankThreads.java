package org.mpionspark.bridge;

import java.util.List;

/** The threads of every rank of this JVM that are still alive: after a world ends, none should be. */
final class RankThreads {

    private RankThreads() {
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
