package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.NativeCollectives;
import org.mpionspark.bridge.transport.Transport;

/**
 * A JVM's {@link Endpoint} whose messages to other JVMs take {@link Lane lanes}: the sending rank
 * writes its message itself, and whichever thread reads the lanes now ({@link LaneReading}: a rank
 * that waits, else the endpoint's reader) hands each message to {@link Arrivals} in the order it
 * was sent ({@link Inbound}), its elements read straight into the receive posted for it.
 * MPJ Express's endpoint starts beside it only when its own collectives are asked for
 * ({@link MpjBeside}): its connections would take most of a world's start, for nothing the ranks use.
 */
public final class LaneEndpoint implements Endpoint {

    private static final System.Logger LOG = System.getLogger(LaneEndpoint.class.getName());
    /** How long a lane that ended without a goodbye waits for the world's abort before it tells the ranks itself. */
    static final long LOST_GRACE_MILLIS = 2_000;

    private final String label;
    private final Lane[] lanes;
    private final int[] endpointOf;
    private final int worldSize;
    private final Arrivals arrivals;
    /** MPJ Express's endpoint, started when first asked for. */
    private final MpjBeside mpj;
    private final long writeTimeoutMillis;
    private final ThreadFactory threads;
    /** Every lane, registered for reading. */
    private final Selector selector;
    private final LaneReading reading;
    private final Inbound[] inbound;
    private volatile boolean closed;
    /** How many lanes have said goodbye (counted by the thread reading the lanes). */
    private volatile int byes;

    /**
     * Over {@code lanes} (by endpoint index, null at this one's), beside the MPJ Express endpoint that
     * {@code mpj} starts when asked for; {@code endpointOf[r]}: the endpoint of world rank {@code r}.
     * Its readers are made by {@code threads} and start at once, handing what arrives to {@code arrivals}.
     */
    LaneEndpoint(String label, Lane[] lanes, int[] endpointOf, Arrivals arrivals, MpjStarter mpj,
                 ThreadFactory threads, long writeTimeoutMillis) throws IOException {
        this.label = label;
        this.lanes = lanes.clone();
        this.endpointOf = endpointOf.clone();
        this.worldSize = endpointOf.length;
        this.arrivals = arrivals;
        this.mpj = new MpjBeside(label, this.lanes, mpj, threads);
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.threads = threads;
        this.selector = Selector.open();
        List<Inbound> in = new ArrayList<>();
        for (Lane lane : this.lanes) {
            if (lane != null) {
                Inbound i = new Inbound(lane, arrivals, worldSize, () -> bye(lane.peer()), this.mpj::portsOf);
                lane.channel().register(selector, SelectionKey.OP_READ, i);
                in.add(i);
            }
        }
        this.inbound = in.toArray(new Inbound[0]);
        this.reading = new LaneReading(selector, this::readable, this::midMessage, threads, "mpi-lanes-reader");
        for (Lane lane : this.lanes) {
            if (lane != null) {
                lane.whenFull(reading::writerWaits);
            }
        }
        Thread watch = null;
        if (writeTimeoutMillis > 0) {
            watch = threads.newThread(this::watchWrites);
            watch.setName("mpi-lanes-write-watch");
        }
        reading.start(); // once every field is set
        if (watch != null) {
            watch.start();
        }
    }

    @Override
    public Transport.Pending send(int source, int channel, ArrayKind kind, Object buf, int offset, int count,
                                  int dest, int tag) {
        Lane lane = lanes[endpointOf[dest]];
        RuntimeException failure = null;
        try {
            if (closed) {
                throw new IOException("this JVM's endpoint was torn down");
            }
            lane.send(source, dest, channel, tag, kind, buf, offset, count);
        } catch (IOException e) {
            String why = lane.abandoned() != null ? lane.abandoned()
                    : "failed: " + (closed ? "this JVM's endpoint was torn down" : e.toString());
            failure = new IllegalStateException("the lane to " + lane.peerName() + ", where rank " + dest + " lives, "
                    + why, e);
        }
        RuntimeException failed = failure;
        int[] done = {dest, tag, count};
        return () -> {
            if (failed != null) {
                throw failed;
            }
            return done;
        };
    }

    /**
     * Gives up a lane whose write has taken no byte for the operation timeout: its peer's reader
     * drains it while that JVM lives, so the JVM is frozen. The rank stuck in that write fails,
     * naming the lane, instead of waiting for ever.
     */
    private void watchWrites() {
        long limit = writeTimeoutMillis * 1_000_000L;
        long every = Math.max(10, Math.min(1_000, writeTimeoutMillis / 4));
        while (!closed) {
            long now = System.nanoTime();
            for (Lane lane : lanes) {
                if (lane != null && lane.stuckNanos(now) > limit) {
                    lane.abandon("took no byte for more than " + writeTimeoutMillis + " ms (spark.mpi.op.timeout): "
                            + "the JVM there reads nothing (is it frozen?)");
                }
            }
            synchronized (this) {
                try {
                    wait(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Reads a lane the selector found readable; a lane that ends, or fails, is read no more. */
    private void readable(SelectionKey key) {
        Inbound inbound = (Inbound) key.attachment();
        Lane lane = inbound.lane();
        try {
            if (inbound.pump()) {
                return;
            }
            key.cancel();
            if (!inbound.saidBye() && !closed) {
                mpj.lost(lane.peer());
                lostLater(lane, "closed without a goodbye (did its JVM end?)", null, null);
            }
        } catch (IOException | RuntimeException e) {
            key.cancel();
            mpj.lost(lane.peer());
            if (!closed) {
                lostLater(lane, lane.abandoned() != null ? lane.abandoned() : "failed: " + e, inbound.underWay(), e);
            }
        }
    }

    /** Whether some lane is in the middle of a message; the thread reading the lanes only. */
    private boolean midMessage() {
        for (Inbound i : inbound) {
            if (i.midMessage()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #lost}, on a thread of its own: the thread reading now may be a rank's, which must not wait its grace. */
    private void lostLater(Lane lane, String why, Arrivals.Arrival arriving, Throwable cause) {
        Thread t = threads.newThread(() -> lost(lane, why, arriving, cause));
        t.setName("mpi-lane-lost-" + lane.peer());
        t.start();
    }

    /**
     * Reads the lanes on this thread while it waits for {@code woken}, for about {@code nanos}; see
     * {@link LaneReading}. False at once if another thread reads them now.
     */
    @Override
    public boolean readWhileWaiting(BooleanSupplier woken, long nanos) {
        return reading.readWhileWaiting(woken, nanos);
    }

    @Override
    public void wakeReader() {
        reading.wakeup();
    }

    @Override
    public void readNow() {
        reading.readNow();
    }

    /**
     * A lane ended without a goodbye: nothing more comes from the ranks there. Seldom the first
     * news: the other JVM ended, or tore its endpoint down because its world failed, and the driver's
     * abort, which names the rank that failed, is on its way. So the ranks here are told only if no
     * abort has ended the endpoint within {@link #LOST_GRACE_MILLIS}.
     */
    private void lost(Lane lane, String why, Arrivals.Arrival arriving, Throwable cause) {
        String message = label + ": the lane from " + lane.peerName() + " " + why
                + "; nothing more can arrive from the ranks there";
        long until = System.nanoTime() + LOST_GRACE_MILLIS * 1_000_000L;
        synchronized (this) {
            for (long left; !closed && (left = (until - System.nanoTime()) / 1_000_000L) > 0; ) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (closed) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, message);
        if (arriving != null) {
            arriving.failed(new IllegalStateException(message, cause));
        }
        arrivals.lost(message);
    }

    /** Whether endpoint {@code endpoint} has said goodbye here, or its lane was lost. */
    boolean gone(int endpoint) {
        return mpj.hasEnded(endpoint);
    }

    private synchronized void bye(int endpoint) {
        mpj.ended(endpoint);
        byes++;
        notifyAll();
    }

    /** Whether its lanes are encrypted ({@code spark.network.crypto.enabled}): every lane is, or none. */
    public boolean sealed() {
        for (Lane lane : lanes) {
            if (lane != null) {
                return lane.seal() != null;
            }
        }
        return false;
    }

    /** What MPJ Express would say, without waiting for it. */
    @Override
    public String processorName() {
        return Endpoint.localHostName();
    }

    /**
     * MPJ Express's own collectives, over its world of JVMs: asking for them starts it here and, over
     * the lanes, in every other JVM of the world, the first time (bounded by its start's own bound).
     */
    @Override
    public <T> T capability(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return type == NativeCollectives.class ? mpj().capability(type) : null;
    }

    /** MPJ Express's endpoint, started now if it has not been (bounded by its start's own bound); else why not. */
    private Endpoint mpj() {
        mpj.ask();
        try {
            return mpj.started().get(mpj.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(label + ": MPJ Express's own endpoint did not start beside the lanes: "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(label + ": MPJ Express's own endpoint has not started after "
                    + mpj.timeoutMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(label + ": interrupted while waiting for MPJ Express's own endpoint", e);
        }
    }

    /**
     * Says goodbye on every lane, waits for every other endpoint's, then closes the lanes (nothing
     * is left unread on them, so nothing is reset) and MPJ Express's endpoint, if it was started.
     * Blocks until the other JVMs are done too: call it with a bound, and {@link #kill} after it.
     */
    @Override
    public void finish() {
        boolean withMpj = mpj.finishing();
        IOException failed = null;
        int due = 0;
        for (Lane lane : lanes) {
            if (lane != null) {
                due++;
                try {
                    lane.sayBye();
                } catch (IOException e) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw new IllegalStateException(label + ": could not say goodbye on every lane: " + failed, failed);
        }
        int all = due;
        while (byes < all && !closed) { // read the goodbyes here: no rank waits for the lanes any more
            if (!reading.readWhileWaiting(() -> byes >= all || closed, 100_000_000L)) {
                synchronized (this) {
                    try {
                        wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        close();
        for (Lane lane : lanes) {
            if (lane != null) {
                lane.recycle(); // every rank here has left, every goodbye is read, the reading has stopped
            }
        }
        if (withMpj) {
            mpj().finish();
        }
    }

    @Override
    public void kill() {
        close();
        mpj.close();
        mpj.started().thenAccept(Endpoint::kill); // now, or once it has started
    }

    /** Closes the lanes: their reading stops, the write watch ends, and the system lets go of every connection. */
    private void close() {
        closed = true;
        reading.close();
        for (Lane lane : lanes) {
            if (lane != null) {
                lane.close();
            }
        }
        synchronized (this) {
            notifyAll(); // the write watch ends
        }
        try {
            selector.close(); // waits for the thread reading now, if any
        } catch (IOException ignored) {
            // closed either way
        }
        for (Lane lane : lanes) {
            if (lane != null) {
                lane.release();
            }
        }
    }

    @Override
    public String toString() {
        return "LaneEndpoint[" + label + "]";
    }
}
