package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mpionspark.bridge.transport.Endpoint;

/**
 * MPJ Express's endpoint beside the lanes, started only when its own collectives are first asked
 * for: a world whose messages all take the lanes does not pay for its class loader and connections
 * at every stage. The endpoint asked first starts its own and tells every other where it listens,
 * over the lanes; an endpoint told so starts its own too, and once each knows every other's ports,
 * MPJ Express connects. An endpoint that has begun to finish starts none: the one that asked fails
 * at once, naming it.
 */
final class MpjBeside {

    private final String label;
    private final Lane[] lanes;
    private final int self;
    private final MpjStarter starter;
    private final ThreadFactory threads;
    private final CompletableFuture<Endpoint> started = new CompletableFuture<>();
    /** Completes once this endpoint's ports are on every lane (or its start failed before): its goodbye must follow them. */
    private final CompletableFuture<Void> announced = new CompletableFuture<>();
    /** Each endpoint's MPJ ports ({writePort, readPort}) once known; null until then. */
    private final int[][] ports;
    /** Why an endpoint's ports will never come (it said goodbye, or its lane was lost); null while they may. */
    private final String[] gone;
    private boolean begun;
    /** No start may begin any more: the endpoint finishes, or was torn down. */
    private boolean shut;
    private boolean tornDown;

    /** For the endpoint whose lanes are {@code lanes} (null at its own index); its start's thread comes from {@code threads}. */
    MpjBeside(String label, Lane[] lanes, MpjStarter starter, ThreadFactory threads) {
        this.label = label;
        this.lanes = lanes;
        this.starter = starter;
        this.threads = threads;
        this.ports = new int[lanes.length][];
        this.gone = new String[lanes.length];
        int me = -1;
        for (int e = 0; e < lanes.length; e++) {
            if (lanes[e] == null) {
                me = e;
            }
        }
        this.self = me;
    }

    /** Starts MPJ Express here, once, on a thread of its own; returns at once. */
    void ask() {
        synchronized (this) {
            if (begun || shut) {
                return;
            }
            begun = true;
        }
        Thread t = threads.newThread(this::start);
        t.setName("mpi-mpj-start (" + label + ")");
        t.start();
    }

    /** Completes with MPJ Express's endpoint once it has connected to every other, or with why not. */
    CompletableFuture<Endpoint> started() {
        return started;
    }

    /** How long a start may take once asked for. */
    long timeoutMillis() {
        return starter.timeoutMillis();
    }

    /** Endpoint {@code endpoint}'s MPJ Express listens on these ports: it has started, so this one starts too. */
    void portsOf(int endpoint, int writePort, int readPort) {
        synchronized (this) {
            ports[endpoint] = new int[] {writePort, readPort};
            notifyAll();
        }
        ask();
    }

    /** Endpoint {@code endpoint} said goodbye: it writes nothing more, its ports included. */
    void ended(int endpoint) {
        gone(endpoint, "finished before MPJ Express started there (its own collectives are called by every rank "
                + "of the world)");
    }

    /** The lane to endpoint {@code endpoint} ended without a goodbye: nothing more comes from there. */
    void lost(int endpoint) {
        gone(endpoint, "was lost before MPJ Express started there");
    }

    private synchronized void gone(int endpoint, String why) {
        if (gone[endpoint] == null) {
            gone[endpoint] = why;
        }
        notifyAll();
    }

    /**
     * The endpoint begins to finish: no start begins any more. Whether one had; if so, returns once
     * its ports are on every lane (bounded by the start's own bound), since nothing follows a goodbye.
     */
    boolean finishing() {
        synchronized (this) {
            shut = true;
            notifyAll();
            if (!begun) {
                return false;
            }
        }
        try {
            announced.get(starter.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the start failed: it is named where it was asked for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Whether endpoint {@code endpoint} has said goodbye here, or its lane was lost. */
    synchronized boolean hasEnded(int endpoint) {
        return gone[endpoint] != null;
    }

    /**
     * The endpoint is torn down: a start not begun never will, one waiting for ports stops, and what
     * waits for MPJ Express is told at once; an MPJ endpoint that connects after this is killed.
     */
    void close() {
        synchronized (this) {
            shut = true;
            tornDown = true;
            notifyAll();
        }
        started.completeExceptionally(new IllegalStateException(label + " was torn down"));
    }

    private void start() {
        try {
            int[] mine = starter.begin();
            synchronized (this) {
                ports[self] = mine;
            }
            try {
                for (Lane lane : lanes) {
                    if (lane != null) {
                        lane.sayMpjPorts(mine[0], mine[1]);
                    }
                }
            } finally {
                announced.complete(null);
            }
            starter.connect(everyPort()).whenComplete((endpoint, failed) -> {
                if (failed != null) {
                    started.completeExceptionally(failed);
                } else if (!started.complete(endpoint)) {
                    endpoint.kill(); // torn down while it connected
                }
            });
        } catch (IOException | RuntimeException e) {
            announced.complete(null);
            started.completeExceptionally(e);
        } catch (InterruptedException e) {
            announced.complete(null);
            started.completeExceptionally(new IllegalStateException(label + ": interrupted while MPJ Express started", e));
        }
    }

    /** Waits (bounded) until every endpoint's ports are known; fails at once if one ended without them. */
    private synchronized int[][] everyPort() throws InterruptedException {
        long deadline = System.nanoTime() + starter.timeoutMillis() * 1_000_000L;
        while (true) {
            int missing = -1;
            for (int e = 0; e < ports.length; e++) {
                if (ports[e] == null) {
                    if (gone[e] != null) {
                        throw new IllegalStateException(label + ": endpoint " + e + " " + gone[e]);
                    }
                    missing = e;
                }
            }
            if (missing < 0) {
                return ports.clone();
            }
            if (tornDown) {
                throw new IllegalStateException(label + " was torn down while MPJ Express started");
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new IllegalStateException(label + ": MPJ Express did not start at endpoint " + missing
                        + " within " + starter.timeoutMillis() + " ms");
            }
            wait(Math.min(left, 100));
        }
    }
}
