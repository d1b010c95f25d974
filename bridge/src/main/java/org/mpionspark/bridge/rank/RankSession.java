package org.mpionspark.bridge.rank;

import java.util.ArrayList;
import java.util.List;

import org.mpionspark.bridge.comm.RankEngine;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;

/**
 * A running rank: its communicator, and the two ways it ends. {@link #complete()} is the orderly
 * end ({@code MPI_Finalize}, bounded); {@link #fail(Throwable)} tells the world this rank failed
 * and tears everything down at once. Either way, no thread or socket of the rank outlives it.
 */
public final class RankSession {

    private static final System.Logger LOG = System.getLogger(RankSession.class.getName());
    private static final long JOIN_MILLIS = 5_000;

    private final String label;
    private final Transport transport;
    private final RankEngine engine;
    private final ControlLink link;
    private final ThreadGroup group;
    private boolean ended;

    RankSession(String label, Transport transport, RankEngine engine, ControlLink link, ThreadGroup group) {
        this.label = label;
        this.transport = transport;
        this.engine = engine;
        this.link = link;
        this.group = group;
    }

    /** This rank's world communicator. */
    public Communicator communicator() {
        return engine.world();
    }

    /**
     * Orderly end: waits for every rank to get here (with no operation timeout: a peer may compute
     * for as long as it needs), leaves its JVM's MPJ Express endpoint (the last rank here leaves its
     * goodbyes to the other JVMs running, bounded by the finalize timeout, then torn down anyway)
     * and tells the driver this rank is done. If the closing barrier fails (a peer
     * failed, or waits in a collective this rank never called), the driver is told why, as by
     * {@link #fail(Throwable)}.
     */
    public void complete() {
        if (ended) {
            return;
        }
        // a rank that returns with its interrupt flag set still ends in step with its peers
        boolean interrupted = Thread.interrupted();
        try {
            completeUninterrupted();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void completeUninterrupted() {
        try {
            engine.endOfRank();
        } catch (MpiException e) {
            fail(e);
            throw e;
        }
        ended = true;
        try {
            transport.finish(); // returns at once: the endpoint's goodbyes to other JVMs end on their own, bounded
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, label + ": MPI_Finalize did not end cleanly (" + e
                    + "); tearing the rank down");
        }
        link.done();
        end();
    }

    /** Tears the rank down, and makes every later call on its communicators fail at once. */
    private void end() {
        engine.end(label + " has ended: its communicators cannot be used after its SPMD function returned");
        tearDown(transport, link, group);
    }

    /**
     * Abnormal end: unless {@code error} is itself this world's abort, tells the driver, which
     * frees every other rank; then tears this rank down at once.
     */
    public void fail(Throwable error) {
        if (ended) {
            return;
        }
        ended = true;
        if (!(error instanceof MpiAbortedException)) {
            link.reportFailure(String.valueOf(error), error);
        }
        end();
    }

    /**
     * Kills the transport, closes the link, and waits (bounded) for every thread of the rank to
     * end, killing again while some remain: a thread MPJ released may block on a new request.
     */
    static void tearDown(Transport transport, ControlLink link, ThreadGroup group) {
        Runnable kill = () -> {
            try {
                if (transport != null) {
                    transport.kill();
                }
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "tearing down the transport failed", t);
            }
        };
        kill.run();
        if (link != null) {
            link.close();
        }
        joinThreads(group, kill);
    }

    /**
     * Waits (bounded) for every thread of {@code group} but the caller to end, interrupting them
     * and running {@code kill} again while some remain; then forgets the group.
     */
    static void joinThreads(ThreadGroup group, Runnable kill) {
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        for (List<Thread> left = others(group); !left.isEmpty(); left = others(group)) {
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                LOG.log(System.Logger.Level.WARNING, group.getName() + ": threads still alive after tear-down: " + left);
                return;
            }
            for (Thread t : left) {
                t.interrupt(); // MPJ's start-up waits are interruptible; its other waits are freed by kill
                try {
                    t.join(Math.min(100, remaining));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            kill.run();
        }
        forget(group);
    }

    /**
     * Drops the ended rank's thread group from its parent, which otherwise keeps every rank's
     * group (and its name) for the life of the JVM: about 200 bytes per rank per stage.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void forget(ThreadGroup group) {
        try {
            group.destroy();
        } catch (IllegalThreadStateException e) {
            // a thread of the group (the caller, or one MPJ left) is still alive; the group stays
        }
    }

    private static List<Thread> others(ThreadGroup group) {
        List<Thread> live = threads(group);
        live.remove(Thread.currentThread());
        return live;
    }

    /** The live threads of a rank's thread group. */
    static List<Thread> threads(ThreadGroup group) {
        Thread[] all = new Thread[group.activeCount() + 8];
        int n = group.enumerate(all, true);
        List<Thread> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (all[i].isAlive()) {
                out.add(all[i]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RankSession[" + label + "]";
    }
}
