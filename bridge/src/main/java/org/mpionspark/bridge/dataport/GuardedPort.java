package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.rendezvous.HandshakeSelector;

/**
 * One data port of an endpoint. The port the other endpoints reach is ours: a {@link
 * HandshakeSelector} on the executor's address that admits a connection once its {@link
 * DataHandshake} holds. MPJ's own listener moves to a loopback port nothing else is told of; each
 * admitted connection knocks there once, so that MPJ's selector asks for it, and gets it from
 * {@link #take} whatever knocked.
 */
final class GuardedPort implements HandshakeSelector.Admission<DataHandshake.Hello>, Closeable {

    private final PortGuard guard;
    private final ServerSocketChannel mpj;
    private final int port;
    private final int quota;
    private final HandshakeSelector<DataHandshake.Hello> listener;
    private final LinkedBlockingQueue<SocketChannel> admitted = new LinkedBlockingQueue<>();
    private final Set<Integer> connected = new HashSet<>(); // the selector thread's
    private volatile int taken;

    /**
     * Listens on {@code port} of the guard's address for MPJ's listener {@code mpjSocket}, which it
     * binds to loopback; a port taken fails as {@link ServerSocket#bind} would, and MPJ tries another.
     */
    GuardedPort(PortGuard guard, ServerSocket mpjSocket, int port) throws IOException {
        this.guard = guard;
        this.mpj = mpjSocket.getChannel();
        this.port = port;
        this.quota = guard.size() - 1 - guard.index(); // niodev: each endpoint connects to those before it
        this.listener = new HandshakeSelector<>(new InetSocketAddress(guard.bindAddress(), port),
                Defaults.HANDSHAKE_TIMEOUT.toMillis(), this, guard.refusals(), guard.threads("dataport-" + port));
        try {
            mpjSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        OPEN.add(listener.address());
    }

    /** Every guarded data port listening in this JVM now. */
    static final java.util.Set<InetSocketAddress> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The next admitted connection, for MPJ's selector, which asks when something knocked at its
     * listener: the knock is closed, never handed over. Waits for an endpoint still to come.
     */
    SocketChannel take() throws IOException {
        SocketChannel knock = mpj.accept();
        if (knock != null) {
            knock.close();
        }
        try {
            SocketChannel c = admitted.poll(guard.remainingMillis(), TimeUnit.MILLISECONDS);
            if (c == null) {
                throw new IOException(guard.label() + ": only " + taken + " of the " + quota + " endpoints due at data port "
                        + port + " connected in time");
            }
            taken++;
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(guard.label() + ": interrupted while waiting at data port " + port);
        }
    }

    /** The port the other endpoints reach, which MPJ believes is its own. */
    int port() {
        return port;
    }

    /** Whether every endpoint due here has been handed to MPJ: it must not ask again. */
    boolean full() {
        return taken >= quota;
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
        return DataHandshake.refusal(guard.key(), h, guard.index(), guard.size(), port, connected);
    }

    @Override
    public void admit(SocketChannel channel, DataHandshake.Hello h, byte[] leftover) {
        try {
            DataHandshake.answer(channel, guard.key(), h, leftover);
            admitted.add(channel);
            SocketChannel.open(mpj.getLocalAddress()).close();
        } catch (IOException e) {
            guard.refusals().refused(String.valueOf(remote(channel)), "endpoint " + h.connector() + ": " + e.getMessage());
            admitted.remove(channel);
            close(channel);
        }
    }

    @Override
    public byte[] refusal(String reason) {
        return new byte[0]; // nothing for a stranger to learn; an endpoint refused fails on the closed connection
    }

    /** Stops listening; connections admitted but never taken by MPJ are closed. */
    @Override
    public void close() {
        OPEN.remove(listener.address());
        listener.close();
        for (SocketChannel c; (c = admitted.poll()) != null; ) {
            close(c);
        }
    }

    private static Object remote(SocketChannel c) {
        try {
            return c.getRemoteAddress();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void close(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // refused either way
        }
    }
}
