package org.mpionspark.bridge.lane;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

import org.mpionspark.bridge.dataport.LanePort;
import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;

/**
 * Makes the lanes of this JVM's endpoint of a world: its {@link LanePort} listens from before the
 * rank's hello (the port goes into the peer table through the hello), the peer table then
 * {@link #place}s it (its index among the world's endpoints), and it calls every endpoint before it;
 * those after it call here, possibly before this JVM has its table.
 */
public final class LaneStart implements Closeable {

    private final byte[] key;
    private final boolean sealed;
    private final LanePort port;
    private final Map<Integer, SocketChannel> channels = new HashMap<>();
    private final CompletableFuture<SocketChannel[]> ready = new CompletableFuture<>();
    private String label;
    private ThreadFactory threads;
    private int index = -1;
    private int size = -1;
    private List<EndpointAddress> table;
    private boolean handedOver;

    /**
     * Opens the lane port of this JVM's endpoint (named {@code label} until placed) on
     * {@code bindAddress}, for the world whose data-port key is {@code key}; its selector thread comes
     * from {@code threads}. With {@code sealed}, what goes on the lanes is encrypted
     * ({@link org.mpionspark.bridge.rendezvous.Seal}).
     */
    public LaneStart(String label, ThreadFactory threads, InetAddress bindAddress, byte[] key, boolean sealed)
            throws IOException {
        this.label = label;
        this.key = key.clone();
        this.sealed = sealed;
        this.threads = threads;
        this.port = new LanePort(label, threads, bindAddress, key, this::made);
    }

    /** The port that goes into the peer table. */
    public int port() {
        return port.port();
    }

    /**
     * Places this endpoint at {@code index} of {@code size} (named {@code label}, its lanes' threads
     * from {@code threads}) once the peer table is known; the endpoints after it that have called
     * already are checked now.
     *
     * @throws org.mpionspark.bridge.dataport.DataPortException if one called that should not have
     */
    public void place(String label, int index, int size, ThreadFactory threads) {
        synchronized (this) {
            this.label = label;
            this.index = index;
            this.size = size;
            this.threads = threads;
        }
        try {
            port.place(index, size);
        } catch (RuntimeException misplaced) {
            ready.completeExceptionally(misplaced);
            throw misplaced;
        }
        synchronized (this) {
            complete();
        }
    }

    /**
     * Calls every endpoint before this one in {@code table} (every JVM's endpoint, in endpoint
     * order), all at once from the calling thread, within {@code timeoutMillis}: a JVM late in a
     * large world does not make its lanes one after the other, and no thread need start first.
     * Returns once those lanes are made; {@code check} runs between waits and may throw to give up
     * (an abort). {@link #ready} completes once the endpoints after this one have called too.
     *
     * @throws org.mpionspark.bridge.dataport.DataPortException naming the first endpoint that could not be called
     */
    public void connect(List<EndpointAddress> table, long timeoutMillis, Runnable check) {
        int me;
        String name;
        synchronized (this) {
            if (index < 0) {
                throw new IllegalStateException(label + ": placed in the world only once the table is known");
            }
            this.table = List.copyOf(table);
            me = index;
            name = label;
        }
        Map<Integer, InetSocketAddress> before = new LinkedHashMap<>();
        for (int e = 0; e < me; e++) {
            before.put(e, new InetSocketAddress(table.get(e).host(), table.get(e).lanePort()));
        }
        try {
            LanePort.connectAll(name, key, me, before, timeoutMillis, () -> {
                check.run();
                return ready.isDone();
            }, this::made);
        } catch (RuntimeException failed) {
            ready.completeExceptionally(failed);
            throw failed;
        }
    }

    private synchronized void made(SocketChannel channel, int endpoint) {
        if (ready.isDone() || channels.containsKey(endpoint)) {
            close(channel);
            return;
        }
        channels.put(endpoint, channel);
        complete();
    }

    /** Once placed and a lane to every other endpoint is made: ready. */
    private void complete() {
        if (index >= 0 && channels.size() == size - 1 && !ready.isDone()) {
            port.close();
            SocketChannel[] made = new SocketChannel[size];
            channels.forEach((e, c) -> made[e] = c);
            ready.complete(made);
        }
    }

    /** Completes once a lane to every other endpoint is made. */
    public CompletableFuture<SocketChannel[]> ready() {
        return ready;
    }

    /**
     * The endpoint over the lanes {@link #ready} made, beside the MPJ Express endpoint {@code mpj}
     * starts when asked for; {@code endpointOf[r]}: the endpoint of world rank {@code r}; arrivals go
     * to {@code arrivals}; a write that takes no byte for {@code writeTimeoutMillis} (the operation
     * timeout; 0: none) fails.
     */
    public synchronized Endpoint endpoint(MpjStarter mpj, int[] endpointOf, Arrivals arrivals, long writeTimeoutMillis)
            throws IOException {
        SocketChannel[] made = ready.join();
        Lane[] lanes = new Lane[size];
        for (int e = 0; e < size; e++) {
            if (made[e] != null) {
                lanes[e] = new Lane(e, "endpoint " + e + " (" + where(e) + ")", made[e],
                        sealed ? Lane.seal(key, index, e) : null);
            }
        }
        handedOver = true;
        return new LaneEndpoint(label, lanes, endpointOf, arrivals, mpj, threads, writeTimeoutMillis);
    }

    private String where(int endpoint) {
        EndpointAddress a = table == null ? null : table.get(endpoint);
        return a == null ? "?" : a.host() + ":" + a.lanePort();
    }

    /** Stops listening; lanes made but not handed to an endpoint are closed. */
    @Override
    public synchronized void close() {
        port.close();
        ready.completeExceptionally(new IOException(label + ": the lanes' start was closed"));
        if (!handedOver) {
            for (SocketChannel c : channels.values()) {
                close(c);
            }
        }
    }

    private static void close(SocketChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }
}
