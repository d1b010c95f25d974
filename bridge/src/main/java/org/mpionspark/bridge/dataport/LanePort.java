package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Set;
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
public final class LanePort implements HandshakeSelector.Admission<DataHandshake.Hello>, Closeable {

    private static final System.Logger LOG = System.getLogger(LanePort.class.getName());

    private final String label;
    private final byte[] key;
    private final int index;
    private final int size;
    private final ObjIntConsumer<SocketChannel> admitted;
    private final RefusalLog refusals;
    private final HandshakeSelector<DataHandshake.Hello> listener;
    private final Set<Integer> connected = new HashSet<>(); // the selector thread's

    /**
     * Listens on a free port of {@code bindAddress} for endpoint {@code index} of {@code size}
     * (named {@code label}) of the world whose key is {@code key}; each endpoint admitted goes to
     * {@code admitted} with its index, its connection blocking and past the handshake.
     */
    public LanePort(String label, ThreadFactory threads, InetAddress bindAddress, byte[] key, int index, int size,
                    ObjIntConsumer<SocketChannel> admitted) throws IOException {
        this.label = label;
        this.key = key.clone();
        this.index = index;
        this.size = size;
        this.admitted = admitted;
        this.refusals = new RefusalLog("lane port of " + label, line -> LOG.log(System.Logger.Level.WARNING, line));
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
                        this, refusals, threads);
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

    @Override
    public int maxBytes() {
        return DataHandshake.HELLO_BYTES;
    }

    @Override
    public HandshakeSelector.Handshake<DataHandshake.Hello> parse(byte[] buf, int length) throws ProtocolException {
        return DataHandshake.handshake(buf, length);
    }

    @Override
    public String check(DataHandshake.Hello h) {
        return DataHandshake.refusal(key, h, index, size, port(), connected);
    }

    @Override
    public void admit(SocketChannel channel, DataHandshake.Hello h, byte[] leftover) {
        try {
            DataHandshake.answer(channel, key, h, leftover);
            admitted.accept(channel, h.connector());
        } catch (IOException | RuntimeException e) {
            refusals.refused(String.valueOf(remote(channel)), "endpoint " + h.connector() + ": " + e.getMessage());
            close(channel);
        }
    }

    @Override
    public byte[] refusal(String reason) {
        return new byte[0]; // nothing for a stranger to learn; an endpoint refused fails on the closed connection
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

    private static Object remote(SocketChannel c) {
        try {
            return c.getRemoteAddress();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void close(SocketChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // refused either way
            }
        }
    }
}
