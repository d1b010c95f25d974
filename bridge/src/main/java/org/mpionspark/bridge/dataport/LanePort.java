package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.function.ObjIntConsumer;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.rendezvous.HandshakeSelector;
import org.mpionspark.bridge.rendezvous.RefusalLog;

/**
 * The port where an endpoint's lanes to the other JVMs of its world are made: bound to the
 * executor's address, in MPJ Express's port range, it admits each endpoint after this one in the world once, by the same
 * {@link DataHandshake} as MPJ Express's data ports, and refuses anything else without a byte.
 * The endpoints before this one are called with {@link #connect}.
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
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        String where = to.getHostString() + ":" + to.getPort();
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(to, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            DataHandshake.greet(channel.socket(), key, index, acceptor, label, where,
                    Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            return channel;
        } catch (IOException e) {
            close(channel);
            throw new DataPortException(label + ": could not reach the lane port of endpoint " + acceptor + " at "
                    + where + ": " + e, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
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
