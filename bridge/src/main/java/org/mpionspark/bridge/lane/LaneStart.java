package org.mpionspark.bridge.lane;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
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
 * Makes the lanes of endpoint {@code index} of a world: its {@link LanePort} listens from the first
 * moment (its port goes into the peer table), and once the table is known it calls every endpoint
 * before it; those after it call here.
 */
public final class LaneStart implements Closeable {

    private final String label;
    private final byte[] key;
    private final int index;
    private final int size;
    private final boolean sealed;
    private final ThreadFactory threads;
    private final LanePort port;
    private final SocketChannel[] channels;
    private final CompletableFuture<SocketChannel[]> ready = new CompletableFuture<>();
    private List<EndpointAddress> table;
    private int made;
    private boolean handedOver;

    /**
     * Opens the lane port of endpoint {@code index} of {@code size} on {@code bindAddress}, for the
     * world whose data-port key is {@code key}; its threads come from {@code threads}. With
     * {@code sealed}, what goes on the lanes is encrypted ({@link org.mpionspark.bridge.rendezvous.Seal}).
     */
    public LaneStart(String label, ThreadFactory threads, InetAddress bindAddress, byte[] key, int index, int size,
                     boolean sealed) throws IOException {
        this.label = label;
        this.key = key.clone();
        this.index = index;
        this.size = size;
        this.sealed = sealed;
        this.threads = threads;
        this.channels = new SocketChannel[size];
        this.port = new LanePort(label, threads, bindAddress, key, index, size, this::made);
        if (size == 1) {
            ready.complete(channels);
        }
    }

    /** The port that goes into the peer table. */
    public int port() {
        return port.port();
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
        synchronized (this) {
            this.table = List.copyOf(table);
        }
        Map<Integer, InetSocketAddress> before = new LinkedHashMap<>();
        for (int e = 0; e < index; e++) {
            before.put(e, new InetSocketAddress(table.get(e).host(), table.get(e).lanePort()));
        }
        try {
            LanePort.connectAll(label, key, index, before, timeoutMillis, () -> {
                check.run();
                return ready.isDone();
            }, this::made);
        } catch (RuntimeException failed) {
            ready.completeExceptionally(failed);
            throw failed;
        }
    }

    private synchronized void made(SocketChannel channel, int endpoint) {
        if (ready.isDone() || channels[endpoint] != null) {
            close(channel);
            return;
        }
        channels[endpoint] = channel;
        if (++made == size - 1) {
            port.close();
            ready.complete(channels.clone());
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
            for (SocketChannel c : channels) {
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
