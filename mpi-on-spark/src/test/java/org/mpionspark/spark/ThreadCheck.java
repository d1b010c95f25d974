package org.mpionspark.spark;

import java.util.List;

/** Counts the threads an SPMD stage may leave behind. */
final class ThreadCheck {

    private ThreadCheck() {
    }

    /**
     * {@link #mpiThreads()} once it is empty, or after {@code seconds}: when a job fails, Spark
     * kills the other tasks of the stage asynchronously, after the driver has seen the failure.
     */
    static List<String> mpiThreadsAfter(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> left = mpiThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            left = mpiThreads();
        }
        return left;
    }

    /** Names of live threads that belong to a rank (its thread group) or to MPJ Express. */
    static List<String> mpiThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> (t.getThreadGroup() != null && t.getThreadGroup().getName().startsWith("mpi rank"))
                        || t.getName().startsWith("mpi-rank"))
                .map(t -> t.getName() + " in " + t.getThreadGroup())
                .sorted()
                .toList();
    }

    /**
     * Live threads, less the elastic pools that grow and shrink on their own: Spark's cached
     * block-manager and task pools, and the rendezvous server's connection pool (idle threads
     * of those end after 60 s).
     */
    static List<String> steadyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> !n.startsWith("block-manager-") && !n.startsWith("Executor task")
                        && !n.startsWith("task-result-getter") && !n.startsWith("mpi-rendezvous-conn")
                        && !n.startsWith("junit-") && !n.startsWith("globalEventExecutor"))
                .sorted()
                .toList();
    }

    /** The threads of {@code after} that were not in {@code before} (as multisets of names). */
    static List<String> added(List<String> before, List<String> after) {
        List<String> extra = new java.util.ArrayList<>(after);
        for (String b : before) {
            extra.remove(b);
        }
        return extra;
    }

    /** Threads of the rendezvous server's connection pool, idle or busy. */
    static long rendezvousConnectionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("mpi-rendezvous-conn")).count();
    }
}
