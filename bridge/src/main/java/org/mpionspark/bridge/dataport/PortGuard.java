package org.mpionspark.bridge.dataport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.rendezvous.RefusalLog;

/**
 * The data ports of one endpoint while MPJ Express starts it: where they listen, the world's key
 * both sides of a connection prove they hold, and the other endpoints' addresses. The thread that
 * starts MPJ {@link #enter enters} it, and the threads MPJ makes inherit it.
 */
public final class PortGuard implements Closeable {

    private static final System.Logger LOG = System.getLogger(PortGuard.class.getName());
    private static final InheritableThreadLocal<PortGuard> CURRENT = new InheritableThreadLocal<>();

    private final String label;
    private final ThreadGroup group;
    private final InetAddress bindAddress;
    private final byte[] key;
    private final int index;
    private final int size;
    private final long deadlineNanos;
    private final RefusalLog refusals;
    private final Map<ServerSocketChannel, GuardedPort> ports = new ConcurrentHashMap<>();
    private volatile List<EndpointAddress> endpoints;

    /**
     * The key every data connection of world {@code world} proves: from the secret of the job it
     * belongs to, and the application's secret ({@code spark.authenticate}; {@code null}: none).
     */
    public static byte[] worldKey(byte[] jobSecret, String world, byte[] applicationSecret) {
        return DataHandshake.key(jobSecret, world, applicationSecret);
    }

    /**
     * The guard of endpoint {@code index} of {@code size} (named {@code label}), listening on
     * {@code bindAddress}, with the world's {@link #worldKey key}; its threads go to {@code group},
     * and it gives up {@code timeoutMillis} from now.
     */
    public PortGuard(String label, ThreadGroup group, InetAddress bindAddress, byte[] key, int index, int size,
                     long timeoutMillis) {
        this.label = label;
        this.group = group;
        this.bindAddress = bindAddress;
        this.key = key.clone();
        this.index = index;
        this.size = size;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.refusals = new RefusalLog("data ports of " + label, line -> LOG.log(System.Logger.Level.WARNING, line));
    }

    /** Makes this the guard of the calling thread, and of every thread it starts from now on. */
    public void enter() {
        CURRENT.set(this);
    }

    /** Every endpoint's address, in endpoint order: whom MPJ may connect to. */
    public void endpoints(List<EndpointAddress> table) {
        this.endpoints = List.copyOf(table);
    }

    /**
     * The data ports listening in this JVM now, of every world starting here: they are open from
     * the moment MPJ binds them until its endpoint has connected to every other.
     */
    public static java.util.Set<InetSocketAddress> listening() {
        return java.util.Set.copyOf(GuardedPort.OPEN);
    }

    /** Stops listening: once MPJ has started, its ports take no more connections. */
    @Override
    public void close() {
        ports.values().forEach(GuardedPort::close);
    }

    static PortGuard current() {
        PortGuard g = CURRENT.get();
        if (g == null) {
            throw new IllegalStateException("MPJ Express's niodev opened a data connection outside an endpoint's start-up "
                    + "(no " + PortGuard.class.getSimpleName() + " on thread " + Thread.currentThread().getName() + ")");
        }
        return g;
    }

    static PortGuard currentOrNull() {
        return CURRENT.get();
    }

    void bind(ServerSocket socket, SocketAddress requested) throws IOException {
        int port = ((InetSocketAddress) requested).getPort();
        ports.put(socket.getChannel(), new GuardedPort(this, socket, port));
    }

    SocketChannel accept(ServerSocketChannel server) throws IOException {
        GuardedPort p = ports.get(server);
        if (p == null) {
            throw new IllegalStateException(label + ": MPJ Express accepts on a listener it did not bind through the guard");
        }
        return p.take();
    }

    int localPort(ServerSocket socket) {
        GuardedPort p = ports.get(socket.getChannel());
        return p != null ? p.port() : socket.getLocalPort();
    }

    /** Whether MPJ's selector should accept on {@code key}: not once every endpoint due there came. */
    boolean acceptable(SelectionKey key) {
        if (!key.isAcceptable()) {
            return false;
        }
        GuardedPort p = ports.get(key.channel());
        if (p != null && p.full()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_ACCEPT);
            return false;
        }
        return true;
    }

    /**
     * Connects {@code channel} (blocking, as niodev makes it) to an endpoint's data port, within
     * the start-up's deadline, and runs the handshake. A refused connection throws as {@link
     * SocketChannel#connect} does, and MPJ tries again until the deadline; a failed handshake throws {@link DataPortException}, which MPJ does not catch.
     */
    boolean connect(SocketChannel channel, SocketAddress remote) throws IOException {
        InetSocketAddress address = (InetSocketAddress) remote;
        int acceptor = endpointAt(address);
        String to = address.getHostString() + ":" + address.getPort();
        long left = remainingMillis();
        if (left == 0) {
            throw new DataPortException(label + ": could not connect to endpoint " + acceptor + " at " + to
                    + " before the start-up's deadline");
        }
        channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, left)); // bounded, unlike connect()
        DataHandshake.greet(channel.socket(), key, index, acceptor, label, to, remainingMillis());
        return true;
    }

    private int endpointAt(InetSocketAddress to) {
        List<EndpointAddress> table = endpoints;
        if (table != null) {
            for (int i = 0; i < table.size(); i++) {
                EndpointAddress e = table.get(i);
                if (e.host().equals(to.getHostString()) && (e.readPort() == to.getPort() || e.writePort() == to.getPort())) {
                    return i;
                }
            }
        }
        throw new DataPortException(label + ": MPJ Express connects to " + to.getHostString() + ":" + to.getPort() + ", which is no endpoint of this world");
    }

    String label() {
        return label;
    }

    InetAddress bindAddress() {
        return bindAddress;
    }

    byte[] key() {
        return key;
    }

    int index() {
        return index;
    }

    int size() {
        return size;
    }

    RefusalLog refusals() {
        return refusals;
    }

    long remainingMillis() {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    ThreadFactory threads(String name) {
        return r -> {
            Thread t = new Thread(group, r, "mpi-" + label.replace(' ', '-') + "-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
