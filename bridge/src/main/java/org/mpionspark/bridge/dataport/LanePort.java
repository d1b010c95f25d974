package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.rendezvous.HandshakeSelector;
import org.mpionspark.bridge.rendezvous.RefusalLog;

/**
 * The port where an endpoint's lanes to the other JVMs of its world are made: bound to the
 * executor's address, in MPJ Express's port range, it admits each endpoint after this one in the world once, by the same
 * {@link DataHandshake} as MPJ Express's data ports, and refuses anything else without a byte.
 * The endpoints before this one are called with {@link #connectAll}.
 */
public final class LanePort extends EndpointAdmission implements Closeable {

    private static final System.Logger LOG = System.getLogger(LanePort.class.getName());

    private final String label;
    private final ObjIntConsumer<SocketChannel> admitted;
    private final HandshakeSelector<DataHandshake.Hello> listener;

    /**
     * Listens on a free port of {@code bindAddress} for endpoint {@code index} of {@code size}
     * (named {@code label}) of the world whose key is {@code key}; each endpoint admitted goes to
     * {@code admitted} with its index, its connection blocking and past the handshake.
     */
    public LanePort(String label, ThreadFactory threads, InetAddress bindAddress, byte[] key, int index, int size,
                    ObjIntConsumer<SocketChannel> admitted) throws IOException {
        super(key, index, size, new RefusalLog("lane port of " + label, line -> LOG.log(System.Logger.Level.WARNING, line)));
        this.label = label;
        this.admitted = admitted;
        this.listener = bind(bindAddress, threads);
        GuardedPort.OPEN.add(listener.address());
    }

    /**
     * Listens on a free port of {@code bindAddress} for this JVM's endpoint (named {@code label}) of
     * the world whose key is {@code key}, before the world's table says which endpoint it is: a
     * genuine hello is admitted at once, and checked against the endpoint's place once {@link #place}d.
     */
    public LanePort(String label, ThreadFactory threads, InetAddress bindAddress, byte[] key,
                    ObjIntConsumer<SocketChannel> admitted) throws IOException {
        this(label, threads, bindAddress, key, -1, -1, admitted);
    }

    /**
     * Says which endpoint this port's is: {@code index} of {@code size}.
     *
     * @throws DataPortException if an endpoint admitted before could not call this one there
     */
    public void place(int index, int size) {
        String why = placeAt(index, size);
        if (why != null) {
            throw new DataPortException(label + ": " + why);
        }
    }

    /** MPJ Express's data ports' range: one range for a firewall to open between executors. */
    static final int FIRST_PORT = 25_000;
    static final int LAST_PORT = 40_000;
    private static final int BIND_TRIES = 50;

    /** A listener on a random free port of {@link #FIRST_PORT}-{@link #LAST_PORT}, as MPJ's own. */
    private HandshakeSelector<DataHandshake.Hello> bind(InetAddress address, ThreadFactory threads) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        IOException last = null;
        for (int i = 0; i < BIND_TRIES; i++) {
            int port = random.nextInt(FIRST_PORT, LAST_PORT + 1);
            try {
                return new HandshakeSelector<>(new InetSocketAddress(address, port), Defaults.HANDSHAKE_TIMEOUT.toMillis(),
                        this, refusals(), threads);
            } catch (java.net.BindException taken) {
                last = taken;
            }
        }
        throw new IOException(label + ": no free port for the lanes in " + FIRST_PORT + "-" + LAST_PORT + " on "
                + address + " after " + BIND_TRIES + " tries", last);
    }

    /** The port the other endpoints of the world call. */
    public int port() {
        return listener.address().getPort();
    }

    /**
     * Connects endpoint {@code index} to endpoint {@code acceptor}'s lane port at {@code to} and runs
     * the handshake, within {@code timeoutMillis}: a blocking channel, ready for messages.
     *
     * @throws DataPortException if the other side cannot be reached in time, refuses, or lacks the key
     */
    public static SocketChannel connect(String label, byte[] key, int index, int acceptor, InetSocketAddress to,
                                        long timeoutMillis) {
        SocketChannel[] made = new SocketChannel[1];
        new LaneCalls(label, key, index).run(Map.of(acceptor, to), timeoutMillis, () -> false, (c, e) -> made[0] = c);
        try {
            made[0].configureBlocking(true);
            return made[0];
        } catch (IOException e) {
            try {
                made[0].close();
            } catch (IOException ignored) {
                // closed either way
            }
            throw new DataPortException(label + ": the lane to endpoint " + acceptor + " failed: " + e, e);
        }
    }

    /**
     * Connects endpoint {@code index} to every endpoint of {@code acceptors} (its index and lane
     * port) at once, from the calling thread, within {@code timeoutMillis}; each lane made, past the
     * handshake and non-blocking, goes to {@code made} with its endpoint. Returns once all are made
     * or once {@code stop} holds.
     *
     * @throws DataPortException naming the first endpoint that could not be reached, refused, or lacks the key
     */
    public static void connectAll(String label, byte[] key, int index, Map<Integer, InetSocketAddress> acceptors,
                                  long timeoutMillis, BooleanSupplier stop, ObjIntConsumer<SocketChannel> made) {
        new LaneCalls(label, key, index).run(acceptors, timeoutMillis, stop, made);
    }

    /**
     * The AES key for what endpoint {@code from} sends to endpoint {@code to} over their lane, from
     * the world's key {@code key}: one per direction and world, never seen on the wire.
     */
    public static byte[] sealingKey(byte[] key, int from, int to) {
        return DataHandshake.sealingKey(key, from, to);
    }

    @Override
    void handOver(SocketChannel channel, int endpoint) {
        admitted.accept(channel, endpoint);
    }

    /** Stops listening: once every lane is made, the port takes no more connections. */
    @Override
    public void close() {
        GuardedPort.OPEN.remove(listener.address());
        listener.close();
    }

    @Override
    public String toString() {
        return "lane port " + listener.address() + " of " + label;
    }
}
