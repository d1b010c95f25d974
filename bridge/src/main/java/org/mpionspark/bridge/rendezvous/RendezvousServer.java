package org.mpionspark.bridge.rendezvous;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.mpionspark.bridge.config.Defaults;

/**
 * The driver side of the rendezvous. A {@link #register registration} stands for one SPMD job;
 * each run of its stage (a stage attempt, a recomputation) forms its own world of ranks, keyed by
 * the world key the ranks present. Only connections that show the registration's secret are
 * admitted; anything else is refused, and logged at most about once a minute ({@link RefusalLog}).
 *
 * <p>It listens on one address only. Handshakes are read on one selector thread under one deadline
 * each ({@link HandshakeSelector}); only an admitted rank gets a thread of its own.
 *
 * <p>Once a world is complete, every rank gets the peer table, with the host the server saw its
 * connection come from. The connection then stays open: a rank's failure, or a lost connection,
 * is broadcast as an abort to the world's other ranks, so none of them waits for a dead peer.
 */
public final class RendezvousServer implements Closeable {

    private static final System.Logger LOG = System.getLogger(RendezvousServer.class.getName());

    private final HandshakeSelector<Hello> handshakes;
    private final RefusalLog refusals = new RefusalLog("rendezvous",
            line -> LOG.log(System.Logger.Level.WARNING, line));
    private final String advertisedHost;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    /** Admitted ranks whose connection is still open, whatever became of their job. */
    private final java.util.Set<RankConnection> live = ConcurrentHashMap.newKeySet();
    /** One thread per admitted rank: bounded by the ranks of live worlds, whose secret was checked. */
    private final ExecutorService connections;
    private final ScheduledExecutorService timer;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    /** As below, with handshakes cut after {@link Defaults#HANDSHAKE_TIMEOUT}. */
    public RendezvousServer(InetAddress bindAddress, String advertisedHost) throws IOException {
        this(bindAddress, advertisedHost, Defaults.HANDSHAKE_TIMEOUT.toMillis());
    }

    /**
     * Listens on an ephemeral port of {@code bindAddress} only; ranks are told to connect to
     * {@code advertisedHost}. A connection whose handshake is not complete within
     * {@code handshakeTimeoutMillis} of its accept is refused.
     */
    public RendezvousServer(InetAddress bindAddress, String advertisedHost, long handshakeTimeoutMillis)
            throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress: the server listens on one address, not on all");
        this.advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost");
        this.connections = Executors.newCachedThreadPool(daemon("mpi-rendezvous-conn"));
        java.util.concurrent.ScheduledThreadPoolExecutor t = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                daemon("mpi-rendezvous-timer"));
        t.setRemoveOnCancelPolicy(true); // a world's rendezvous timeout, cancelled on admission, goes at once
        this.timer = t;
        try {
            this.handshakes = new HandshakeSelector<>(new InetSocketAddress(bindAddress, 0), handshakeTimeoutMillis,
                    new Admission(), refusals, daemon("mpi-rendezvous-handshake"));
        } catch (IOException | RuntimeException e) {
            connections.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
    }

    /** The port ranks connect to. */
    public int port() {
        return handshakes.address().getPort();
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return handshakes.address();
    }

    /** Registrations not closed yet: each SPMD job holds one while it can still run. */
    public int registrationCount() {
        return registrations.size();
    }

    /** Connections whose handshake is under way. */
    int pendingHandshakes() {
        return handshakes.pending();
    }

    /** The refusals so far, and the log lines they cost. */
    RefusalLog refusals() {
        return refusals;
    }

    /** As {@link #register(int, long, long)} with the watchdog at {@link Defaults#DEADLOCK_TIMEOUT}. */
    public Registration register(int size, long rendezvousTimeoutMillis) {
        return register(size, rendezvousTimeoutMillis, Defaults.DEADLOCK_TIMEOUT.toMillis());
    }

    /**
     * Registers an SPMD job of {@code size} ranks. A world whose ranks do not all arrive within
     * {@code rendezvousTimeoutMillis} of the first one fails with a message naming the missing ranks;
     * one whose ranks all wait in MPI calls, none moving a byte for {@code deadlockTimeoutMillis}
     * (0: never), fails as a deadlock listing each rank's call.
     */
    public Registration register(int size, long rendezvousTimeoutMillis, long deadlockTimeoutMillis) {
        return register(size, rendezvousTimeoutMillis, deadlockTimeoutMillis, null);
    }

    /**
     * As {@link #register(int, long, long)}, its ranks' control links encrypted with
     * {@code sealKey}, the application's secret ({@code spark.network.crypto.enabled}), which each
     * rank reads on its executor; {@code null}: in the clear.
     */
    public Registration register(int size, long rendezvousTimeoutMillis, long deadlockTimeoutMillis, byte[] sealKey) {
        if (size < 1) {
            throw new IllegalArgumentException("an MPI world needs at least 1 rank, not " + size);
        }
        if (deadlockTimeoutMillis < 0) {
            throw new IllegalArgumentException("the deadlock timeout must be 0 (off) or positive, not "
                    + deadlockTimeoutMillis);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String id = UUID.randomUUID().toString();
        Registration r = new Registration(new WorldTicket(advertisedHost, port(), id, secret, size,
                rendezvousTimeoutMillis, null, Defaults.TWO_LEVEL, Defaults.LANES, sealKey != null), sealKey,
                deadlockTimeoutMillis, timer, () -> registrations.remove(id));
        registrations.put(id, r);
        return r;
    }

    /** The rendezvous protocol's handshake, as the selector reads it: checked there, admitted here. */
    private final class Admission implements HandshakeSelector.Admission<Hello> {
        @Override
        public int maxBytes() {
            return Hello.MAX_BYTES;
        }

        @Override
        public HandshakeSelector.Handshake<Hello> parse(byte[] buf, int length) throws java.net.ProtocolException {
            return Hello.parse(buf, length);
        }

        @Override
        public byte[] refusal(String reason) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(Wire.REFUSED);
                out.writeUTF(truncate(reason));
            } catch (IOException e) {
                throw new IllegalStateException(e); // not from a byte array
            }
            return bytes.toByteArray();
        }

        @Override
        public String check(Hello h) {
            Registration reg = registrations.get(h.registrationId());
            return reg == null || !MessageDigest.isEqual(h.secret(), reg.ticket.secret())
                    ? "unknown registration or wrong secret" : null;
        }

        @Override
        public void admit(SocketChannel channel, Hello h, byte[] leftover) {
            try {
                connections.execute(() -> join(channel, h, leftover));
            } catch (RejectedExecutionException e) { // closed
                closeQuietly(channel);
            }
        }
    }

    /** Runs on the rank's own thread: its world's admission, then its control loop. */
    private void join(SocketChannel channel, Hello h, byte[] leftover) {
        Socket s = channel.socket();
        String from = String.valueOf(s.getRemoteSocketAddress());
        RankConnection conn = null;
        try {
            s.setTcpNoDelay(true);
            InputStream input = new BufferedInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(leftover), new SocketInput(s.getInputStream())));
            OutputStream output = new BufferedOutputStream(s.getOutputStream());
            Registration reg = registrations.get(h.registrationId());
            if (reg == null) {
                refuse(new DataOutputStream(output), s, from, "unknown registration or wrong secret");
                return;
            }
            if (reg.sealKey != null) { // from here on encrypted: the nonce, in the clear, makes this link's keys
                Seal seal = SealedStreams.controlLink(reg.sealKey, h.registrationId(), h.worldKey(), h.rank(),
                        SealedStreams.offer(output, Wire.SEALING), true);
                input = SealedStreams.opening(input, seal);
                output = SealedStreams.bufferedSealing(s.getOutputStream(), seal);
            }
            DataInputStream in = new DataInputStream(input);
            DataOutputStream out = new DataOutputStream(output);
            conn = new RankConnection(s, in, out, h.rank(), new Peer(h.rank(), s.getInetAddress().getHostAddress(),
                    h.processors(), h.jvm(), h.machine(), h.machineProcessors(), h.lanePort()));
            String problem = reg.world(h.worldKey()).arrive(conn, h.size());
            if (problem != null) {
                refuse(out, s, from, problem);
                return;
            }
            live.add(conn);
            try {
                conn.world.controlLoop(conn);
            } finally {
                live.remove(conn);
            }
        } catch (IOException e) {
            if (closed) {
                // the server closed this connection: nobody is left to tell
            } else if (conn != null && conn.world != null) {
                conn.world.lost(conn, e);
            } else {
                refusals.refused(from, "connection failed before admission: " + e);
            }
            closeQuietly(s);
        }
    }

    private void refuse(DataOutputStream out, Socket s, String from, String reason) {
        refusals.refused(from, reason);
        try {
            out.writeByte(Wire.REFUSED);
            out.writeUTF(reason);
            out.flush();
        } catch (IOException ignored) {
            // it is gone already
        }
        closeQuietly(s);
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        handshakes.close();
        for (Registration r : registrations.values()) {
            r.close();
        }
        connections.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Ranks whose world failed but whose task has not ended: user code that never returns (a
     * loop that makes no MPI call) keeps its task slot. E.g. "stage 3 attempt 0 rank 1 on
     * 10.0.0.5, 42.0 s after its world failed".
     */
    public List<String> lingeringRanks() {
        List<String> out = new ArrayList<>();
        long now = System.nanoTime();
        for (RankConnection c : live) {
            World w = c.world;
            long since;
            synchronized (w) {
                if (w.failure == null || c.done) {
                    continue;
                }
                since = now - w.failedAtNanos;
            }
            out.add(w.key + " rank " + c.rank + " on " + c.peer.host() + ", "
                    + String.format(java.util.Locale.ROOT, "%.1f s", since / 1e9) + " after its world failed");
        }
        java.util.Collections.sort(out);
        return out;
    }

    static String truncate(String s) {
        return s.length() > 16_000 ? s.substring(0, 16_000) + "..." : s;
    }
}
