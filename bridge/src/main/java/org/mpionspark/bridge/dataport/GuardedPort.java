package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
final class GuardedPort extends EndpointAdmission implements Closeable {

    private final PortGuard guard;
    private final ServerSocketChannel mpj;
    private final int port;
    private final int quota;
    private final HandshakeSelector<DataHandshake.Hello> listener;
    private final LinkedBlockingQueue<SocketChannel> admitted = new LinkedBlockingQueue<>();
    private volatile int taken;

    /**
     * Listens on {@code port} of the guard's address for MPJ's listener {@code mpjSocket}, which it
     * binds to loopback; a port taken fails as {@link ServerSocket#bind} would, and MPJ tries another.
     */
    GuardedPort(PortGuard guard, ServerSocket mpjSocket, int port) throws IOException {
        super(guard.key(), guard.index(), guard.size(), guard.refusals());
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
    void handOver(SocketChannel channel, int endpoint) throws IOException {
        admitted.add(channel);
        try {
            SocketChannel.open(mpj.getLocalAddress()).close(); // the knock that makes MPJ's selector accept
        } catch (IOException e) {
            admitted.remove(channel);
            throw e;
        }
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
}
