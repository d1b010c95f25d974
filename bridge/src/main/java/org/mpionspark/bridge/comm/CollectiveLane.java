package org.mpionspark.bridge.comm;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.mpionspark.bridge.wait.Waiter;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * Runs one communicator's non-blocking collectives ({@code ibarrier}, {@code ibcast},
 * {@code iallreduce}) on a thread of their own, in the order the rank started them, while the
 * rank's thread computes: the overlap users want from them. One lane per communicator, as MPI
 * orders them per communicator only. That thread uses only the collective channel, so the
 * {@link Waiter} lets it run beside the rank's thread, and it tells the watchdog nothing: the rank
 * counts as waiting only when its own thread waits for the request. It ends when idle for a
 * second, so a rank with many communicators keeps no idle threads.
 */
final class CollectiveLane {

    private static final Status DONE = new Status(Communicator.ANY_SOURCE, Communicator.ANY_TAG, 0);

    private final Waiter waiter;
    private final int rank;
    private final int context;
    private ThreadPoolExecutor thread;

    CollectiveLane(Waiter waiter, int rank, int context) {
        this.waiter = waiter;
        this.rank = rank;
        this.context = context;
    }

    /** Starts {@code collective} (already begun on its channel, so in order) and returns its request. */
    synchronized Request start(String operation, Runnable collective) {
        if (thread == null) {
            // at most one thread, in start order, gone after a second idle
            thread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread[] self = new Thread[1];
                self[0] = new Thread(() -> {
                    try {
                        r.run();
                    } finally {
                        waiter.laneEnded(self[0]);
                    }
                }, "mpi-rank-" + rank + "-collectives" + (context == 0 ? "" : "-context-" + context));
                self[0].setDaemon(true);
                waiter.lane(self[0]);
                return self[0];
            });
        }
        return new LaneRequest(operation, CompletableFuture.runAsync(collective, thread));
    }

    /** Ends the lane with its rank: a collective still running fails at once, its world being over. */
    synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A non-blocking collective in flight; waiting for it is a wait of the rank's own thread. */
    private final class LaneRequest implements Request {
        private final String operation;
        private final CompletableFuture<Void> done;
        private final long started = System.nanoTime();

        LaneRequest(String operation, CompletableFuture<Void> done) {
            this.operation = operation;
            this.done = done;
        }

        @Override
        public Status waitFor() {
            waiter.await(() -> done.isDone() ? Boolean.TRUE : null, operation, -1);
            return result();
        }

        @Override
        public Optional<Status> test() {
            return waiter.poll(() -> {
                if (done.isDone()) {
                    return Optional.of(result());
                }
                waiter.checkStillWaiting(started, operation, -1);
                return Optional.<Status>empty();
            }, "test(" + operation + ")", -1, got -> got.isPresent() ? -1 : 0);
        }

        /** A non-blocking collective cannot be cancelled (MPI forbids it): it completes as usual. */
        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public Request.Waits waits() {
            return waiter.waits();
        }

        @Override
        public String toString() {
            return operation;
        }

        private Status result() {
            try {
                done.join();
                return DONE;
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MpiException me) {
                    throw me;
                }
                throw new MpiException(rank, operation, -1, "failed: " + cause, cause);
            }
        }
    }
}
