package org.mpionspark.benchmarks.jmh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mpionspark.local.LocalWorld;
import org.mpionspark.mpi.Communicator;

/**
 * A {@link LocalWorld} whose rank 0 is driven by another thread (JMH's), one step at a time,
 * while the other ranks repeat their side of the same step; a NaN in the leader's first element
 * tells them to stop after the step that carries it.
 */
final class LedWorld implements AutoCloseable {

    /** One step on one rank: {@code send} is this rank's data, {@code recv} where the result goes. */
    @FunctionalInterface
    interface Step {
        void run(Communicator comm, double[] send, double[] recv);
    }

    private final Communicator leader;
    private final double[] send;
    private final double[] recv;
    private final Step leaderStep;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread world;

    private LedWorld(Communicator leader, double[] send, double[] recv, Step leaderStep, Thread world) {
        this.leader = leader;
        this.send = send;
        this.recv = recv;
        this.leaderStep = leaderStep;
        this.world = world;
    }

    /**
     * Starts {@code ranks} ranks on arrays of {@code n} doubles; {@code coresShared} null: automatic;
     * {@code memoryPath} false: every message through MPJ Express.
     */
    static LedWorld start(int ranks, Boolean coresShared, boolean memoryPath, int n, Step leaderStep,
                          Step followerStep) throws Exception {
        CompletableFuture<LedWorld> handed = new CompletableFuture<>();
        LocalWorld settings = (coresShared == null ? LocalWorld.defaults() : LocalWorld.defaults().coresShared(coresShared))
                .memoryPath(memoryPath)
                .deadlockTimeout(Duration.ZERO); // rank 0 waits outside MPI between JMH iterations: not a deadlock
        Thread[] self = new Thread[1];
        self[0] = new Thread(() -> {
            try {
                settings.execute(ranks, comm -> {
                    double[] send = new double[n];
                    double[] recv = new double[n];
                    java.util.Arrays.fill(send, comm.rank() + 1);
                    if (comm.rank() == 0) {
                        LedWorld w = new LedWorld(comm, send, recv, leaderStep, self[0]);
                        handed.complete(w);
                        w.done.await();
                        return 0;
                    }
                    do {
                        followerStep.run(comm, send, recv);
                    } while (!Double.isNaN(recv[0]));
                    return 0;
                });
            } catch (Throwable t) {
                handed.completeExceptionally(t);
            }
        }, "led-world");
        self[0].setDaemon(true);
        self[0].start();
        return handed.get(2, TimeUnit.MINUTES);
    }

    /** One step of rank 0, on the calling thread; returns an element of the result (for a Blackhole). */
    double step() {
        leaderStep.run(leader, send, recv);
        return recv[0];
    }

    /** A last step carrying NaN, which lets the other ranks return; then the world ends. */
    @Override
    public void close() throws InterruptedException {
        try {
            send[0] = Double.NaN;
            leaderStep.run(leader, send, recv);
        } finally { // even where the step fails (a transport without MPJ's Allreduce): rank 0 returns
            done.countDown();
            world.join(60_000);
        }
    }
}
