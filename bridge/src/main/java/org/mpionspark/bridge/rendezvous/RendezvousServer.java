package org.mpionspark.bridge.rendezvous;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Longest time from accepting a connection to reading its whole handshake. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 15_000;
    /** The deadlock watchdog's default: every rank blocked, none moving a byte, for this long. */
    public static final long DEFAULT_DEADLOCK_MILLIS = 5_000;

    private final HandshakeSelector handshakes;
    private final RefusalLog refusals = new RefusalLog(
            line -> LOG.log(System.Logger.Level.WARNING, line), System::nanoTime);
    private final String advertisedHost;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    /** Admitted ranks whose connection is still open, whatever became of their job. */
    private final java.util.Set<Conn> live = ConcurrentHashMap.newKeySet();
    /** One thread per admitted rank: bounded by the ranks of live worlds, whose secret was checked. */
    private final ExecutorService connections;
    private final ScheduledExecutorService timer;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    /** As below, with handshakes cut after {@link #DEFAULT_HANDSHAKE_TIMEOUT_MILLIS}. */
    public RendezvousServer(InetAddress bindAddress, String advertisedHost) throws IOException {
        this(bindAddress, advertisedHost, DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
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
            this.handshakes = new HandshakeSelector(new InetSocketAddress(bindAddress, 0), handshakeTimeoutMillis,
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

    /** As {@link #register(int, long, long)} with the watchdog at {@link #DEFAULT_DEADLOCK_MILLIS}. */
    public Registration register(int size, long rendezvousTimeoutMillis) {
        return register(size, rendezvousTimeoutMillis, DEFAULT_DEADLOCK_MILLIS);
    }

    /**
     * Registers an SPMD job of {@code size} ranks. A world whose ranks do not all arrive within
     * {@code rendezvousTimeoutMillis} of the first one fails with a message naming the missing ranks;
     * one whose ranks all wait in MPI calls, none moving a byte for {@code deadlockTimeoutMillis}
     * (0: never), fails as a deadlock listing each rank's call.
     */
    public Registration register(int size, long rendezvousTimeoutMillis, long deadlockTimeoutMillis) {
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
                rendezvousTimeoutMillis), deadlockTimeoutMillis);
        registrations.put(id, r);
        return r;
    }

    /** Where the handshake selector sends complete handshakes: checked there, admitted here. */
    private final class Admission implements HandshakeSelector.Admission {
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
        Conn conn = null;
        try {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(leftover), new SocketInput(s.getInputStream()))));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            Registration reg = registrations.get(h.registrationId());
            if (reg == null) {
                refuse(out, s, from, "unknown registration or wrong secret");
                return;
            }
            conn = new Conn(s, in, out, h.rank(), new Peer(h.rank(), s.getInetAddress().getHostAddress(),
                    h.readPort(), h.writePort(), h.processors(), h.jvm()));
            String problem = reg.world(h.worldKey()).arrive(conn, h.size());
            if (problem != null) {
                refuse(out, s, from, problem);
                return;
            }
            live.add(conn);
            conn.world.controlLoop(conn);
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

    private static void closeQuietly(Closeable c) {
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
        for (Conn c : live) {
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

    /**
     * The first failure of a world: which rank (-1: none in particular), why, and its original
     * error. {@code retriable}: it came from outside the user's code (a rank's task or executor
     * was lost, or never reached the rendezvous), so a fresh world may well succeed.
     */
    public record Failure(String worldKey, int rank, String message, Throwable error, boolean retriable) {
    }

    /** One SPMD job's admission: its ticket, its worlds, and the first failure among them. */
    public final class Registration implements Closeable {

        private final WorldTicket ticket;
        private final long deadlockNanos;
        private final Map<String, World> worlds = new ConcurrentHashMap<>();
        private volatile Failure firstFailure;
        private final java.util.Set<String> failedWorlds = new java.util.HashSet<>();
        private volatile java.util.function.Consumer<Failure> listener;

        private Registration(WorldTicket ticket, long deadlockTimeoutMillis) {
            this.ticket = ticket;
            this.deadlockNanos = deadlockTimeoutMillis * 1_000_000L;
        }

        /** What ranks need to join; ship it to them. */
        public WorldTicket ticket() {
            return ticket;
        }

        /** The first rank failure of any world of this registration, if there was one. */
        public Optional<Failure> firstFailure() {
            return Optional.ofNullable(firstFailure);
        }

        /**
         * The first failure, waiting up to {@code millis} for it while a world of this job is still
         * open: Spark may report a failed task before the rank's own report, sent just before it
         * failed on another connection, has been read here.
         */
        public Optional<Failure> awaitFailure(long millis) {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (firstFailure == null && !worlds.isEmpty() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            return firstFailure();
        }

        World world(String key) {
            return worlds.computeIfAbsent(key, k -> new World(this, k));
        }

        /**
         * Calls {@code listener} with the first failure of each world of this job, on the thread
         * that learns of it: e.g. to stop Spark from retrying a stage whose error is the user's.
         */
        public void onWorldFailure(java.util.function.Consumer<Failure> listener) {
            this.listener = listener;
        }

        void failed(Failure f) {
            synchronized (this) {
                if (firstFailure == null) {
                    firstFailure = f;
                }
                if (!failedWorlds.add(f.worldKey())) {
                    return;
                }
            }
            java.util.function.Consumer<Failure> l = listener;
            if (l != null) {
                try {
                    l.accept(f);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "rendezvous: a failure listener failed", e);
                }
            }
        }

        /** Stops admitting ranks for this job; its open worlds are aborted. */
        @Override
        public void close() {
            registrations.remove(ticket.registrationId());
            for (World w : worlds.values()) {
                w.abortAll(-1, "the SPMD job was closed on the driver", null);
            }
        }
    }

    private static final class Conn {
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;
        final int rank;
        final Peer peer;
        final RankActivity activity;
        World world;
        volatile boolean done;

        Conn(Socket socket, DataInputStream in, DataOutputStream out, int rank, Peer peer) {
            this.socket = socket;
            this.in = in;
            this.out = out;
            this.rank = rank;
            this.peer = peer;
            this.activity = new RankActivity(rank);
        }

        synchronized void send(byte kind, int rank, String message, byte[] error) {
            try {
                out.writeByte(kind);
                out.writeInt(rank);
                out.writeUTF(truncate(message));
                Wire.writeBlob(out, error == null ? new byte[0] : error);
                out.flush();
            } catch (IOException ignored) {
                // the rank is gone; its own loss is handled by its reader
            }
        }
    }

    static String truncate(String s) {
        return s.length() > 16_000 ? s.substring(0, 16_000) + "..." : s;
    }

    /** The ranks of one run of a stage. */
    private final class World {
        private final Registration reg;
        private final String key;
        private final Conn[] ranks;
        private int arrived;
        private boolean admitted;
        private String failure;
        private long failedAtNanos;
        private ScheduledFuture<?> timeout;
        private ScheduledFuture<?> watchdog;

        World(Registration reg, String key) {
            this.reg = reg;
            this.key = key;
            this.ranks = new Conn[reg.ticket.size()];
        }

        /** Admits a rank, or says why not. The last one to arrive sends everyone the table. */
        String arrive(Conn c, int size) {
            List<Conn> complete;
            synchronized (this) {
                if (size != ranks.length) {
                    return "world " + key + " has " + ranks.length + " ranks, not " + size;
                }
                if (c.rank < 0 || c.rank >= ranks.length) {
                    return "rank " + c.rank + " is outside world " + key + " of " + ranks.length + " ranks";
                }
                if (failure != null) {
                    return "world " + key + " already failed: " + failure;
                }
                if (ranks[c.rank] != null) {
                    return "rank " + c.rank + " of world " + key + " has already arrived";
                }
                ranks[c.rank] = c;
                c.world = this;
                arrived++;
                if (arrived == 1 && ranks.length > 1) {
                    timeout = timer.schedule(this::expire, reg.ticket.rendezvousTimeoutMillis(), TimeUnit.MILLISECONDS);
                }
                if (arrived < ranks.length) {
                    return null;
                }
                admitted = true;
                if (timeout != null) {
                    timeout.cancel(false);
                }
                if (reg.deadlockNanos > 0) {
                    long every = Math.max(50, Math.min(500, reg.deadlockNanos / 4_000_000L));
                    watchdog = timer.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
                }
                complete = List.of(ranks);
            }
            for (Conn r : complete) {
                synchronized (r) {
                    try {
                        r.out.writeByte(Wire.ADMITTED);
                        r.out.writeInt(complete.size());
                        for (Conn p : complete) {
                            r.out.writeUTF(p.peer.host());
                            r.out.writeInt(p.peer.readPort());
                            r.out.writeInt(p.peer.writePort());
                            r.out.writeInt(p.peer.processors());
                            r.out.writeUTF(p.peer.jvm());
                        }
                        r.out.flush();
                    } catch (IOException e) {
                        lost(r, e);
                    }
                }
            }
            return null;
        }

        private void expire() {
            List<Integer> missing = new ArrayList<>();
            synchronized (this) {
                for (int i = 0; i < ranks.length; i++) {
                    if (ranks[i] == null) {
                        missing.add(i);
                    }
                }
            }
            refuseAll(missing.isEmpty() ? -1 : missing.get(0), "rank(s) " + missing + " of " + ranks.length
                    + " never reached the rendezvous within " + reg.ticket.rendezvousTimeoutMillis()
                    + " ms (spark.mpi.rendezvous.timeout)");
        }

        /** Fails a world that was never complete: every rank waiting in it is refused with the reason. */
        private void refuseAll(int blamed, String reason) {
            List<Conn> waiting = new ArrayList<>();
            synchronized (this) {
                if (admitted || failure != null) {
                    return;
                }
                failure = reason;
                failedAtNanos = System.nanoTime();
                for (Conn c : ranks) {
                    if (c != null) {
                        waiting.add(c);
                    }
                }
            }
            LOG.log(System.Logger.Level.WARNING, "rendezvous: world " + key + ": " + reason);
            reg.failed(new Failure(key, blamed, reason, null, true));
            for (Conn c : waiting) {
                synchronized (c) {
                    try {
                        c.out.writeByte(Wire.REFUSED);
                        c.out.writeUTF(reason);
                        c.out.flush();
                    } catch (IOException ignored) {
                        // gone
                    }
                }
                closeQuietly(c.socket);
            }
            reg.worlds.remove(key, this);
        }

        /** Reads DONE or FAILED from one admitted rank until it closes. */
        void controlLoop(Conn c) throws IOException {
            try {
                while (true) {
                    byte kind = c.in.readByte();
                    if (kind == Wire.DONE) {
                        c.done = true;
                        c.activity.done();
                    } else if (kind == Wire.STATE) {
                        boolean blocked = c.in.readBoolean();
                        String call = c.in.readUTF();
                        c.activity.report(blocked ? call : null, c.in.readLong());
                    } else if (kind == Wire.FAILED) {
                        String message = c.in.readUTF();
                        byte[] error = Wire.readBlob(c.in);
                        Throwable t = Wire.decodeError(error, Thread.currentThread().getContextClassLoader());
                        failed(c.rank, message, t, error);
                    } else {
                        throw new IOException("unexpected message " + kind + " from rank " + c.rank);
                    }
                }
            } catch (EOFException | SocketException e) {
                if (!c.done) {
                    lost(c, e);
                }
            } finally {
                live.remove(c);
                closeQuietly(c.socket);
                forgetIfOver();
            }
        }

        /**
         * Rank {@code rank} failed. A timeout is blamed on the rank that keeps the others waiting,
         * if one runs its own code in no MPI call: the rank that timed out only waited for it.
         */
        private void failed(int rank, String message, Throwable t, byte[] error) {
            if (t instanceof org.mpionspark.mpi.MpiTimeoutException) {
                RankActivity[] states = activities();
                long now = System.nanoTime();
                int r = -1; // the rank that has run its own code the longest
                for (int i = 0; i < states.length; i++) {
                    if (i != rank && states[i] != null && states[i].running()
                            && (r < 0 || states[i].unchangedNanos(now) > states[r].unchangedNanos(now))) {
                        r = i;
                    }
                }
                if (r >= 0) {
                    String blame = states[r].describe(now) + " while the others wait for it (rank " + rank
                            + " timed out: " + message + "); " + RankActivity.describeAll(states);
                    reg.failed(new Failure(key, r, blame, t, false));
                    abortAll(-1, blame, error);
                    return;
                }
            }
            reg.failed(new Failure(key, rank, message, t, false));
            abortAll(rank, "rank " + rank + " failed: " + message, error);
        }

        private synchronized RankActivity[] activities() {
            RankActivity[] out = new RankActivity[ranks.length];
            for (int r = 0; r < ranks.length; r++) {
                out[r] = ranks[r] == null ? null : ranks[r].activity;
            }
            return out;
        }

        /** The deadlock watchdog: fails the world once every rank waits and none moves. */
        private void watch() {
            synchronized (this) {
                if (failure != null) {
                    watchdog.cancel(false);
                    return;
                }
            }
            List<String> calls = RankActivity.deadlock(activities(), reg.deadlockNanos);
            if (calls == null) {
                return;
            }
            String message = "deadlock: every rank waits in an MPI call and none has moved for "
                    + reg.deadlockNanos / 1_000_000 + " ms (spark.mpi.deadlock.timeout): " + String.join("; ", calls);
            reg.failed(new Failure(key, -1, message, new org.mpionspark.mpi.MpiDeadlockException(message, calls),
                    false));
            abortAll(-1, message, null);
        }

        void lost(Conn c, Exception e) {
            if (c.done) {
                return;
            }
            boolean complete;
            synchronized (this) {
                complete = admitted;
            }
            if (!complete) {
                refuseAll(c.rank, "rank " + c.rank + " left the rendezvous before every rank arrived (" + e.getMessage() + ")");
                return;
            }
            String message = "rank " + c.rank + " on host " + c.peer.host() + " lost its connection to the driver "
                    + "without reporting an error, so its task or its executor JVM ended (" + RemoteError.describe(e)
                    + "); " + RankActivity.describeAll(activities());
            reg.failed(new Failure(key, c.rank, message, null, true));
            abortAll(c.rank, message, null);
        }

        /**
         * Sends the world's first failure to every other rank. Later failures are its echoes (a
         * rank freed by the abort ends and its connection closes) and are not sent: a rank must
         * not learn of an echo before the failure itself, which goes out to the ranks one by one.
         */
        void abortAll(int failedRank, String message, byte[] error) {
            List<Conn> targets = new ArrayList<>();
            synchronized (this) {
                if (failure != null) {
                    return;
                }
                failure = message;
                failedAtNanos = System.nanoTime();
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
                for (Conn r : ranks) {
                    if (r != null && r.rank != failedRank && !r.done) {
                        targets.add(r);
                    }
                }
            }
            for (Conn r : targets) {
                r.send(Wire.ABORT, failedRank, message, error);
            }
        }

        private synchronized void forgetIfOver() {
            for (Conn r : ranks) {
                if (r != null && !r.socket.isClosed()) {
                    return;
                }
            }
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (admitted || failure != null) {
                reg.worlds.remove(key, this);
            }
        }
    }
}
