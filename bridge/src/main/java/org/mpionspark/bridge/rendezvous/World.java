package org.mpionspark.bridge.rendezvous;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The ranks of one run of a stage. */
final class World {

    private static final System.Logger LOG = System.getLogger(RendezvousServer.class.getName());
    private final Registration reg;
    final String key;
    private final RankConnection[] ranks;
    private int arrived;
    private boolean admitted;
    String failure;
    long failedAtNanos;
    /** A mismatch is being judged ({@link #mismatch}): later failures are its echoes. */
    private boolean judging;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> watchdog;
    /** Each JVM's MPJ Express endpoint, by JVM key, as its starter reported it. */
    private final java.util.Map<String, EndpointAddress> endpoints = new java.util.HashMap<>();
    private final List<RankConnection> endpointStarters = new ArrayList<>();

    World(Registration reg, String key) {
        this.reg = reg;
        this.key = key;
        this.ranks = new RankConnection[reg.ticket.size()];
    }

    /** Admits a rank, or says why not. The last one to arrive sends everyone the table. */
    String arrive(RankConnection c, int size) {
        List<RankConnection> complete;
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
                timeout = reg.timer.schedule(this::expire, reg.ticket.rendezvousTimeoutMillis(), TimeUnit.MILLISECONDS);
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
                watchdog = reg.timer.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
            }
            complete = List.of(ranks);
        }
        byte[] table = peerTable(complete);
        for (RankConnection r : complete) {
            synchronized (r) {
                try {
                    r.out.write(table);
                    r.out.flush();
                } catch (IOException e) {
                    lost(r, e);
                }
            }
        }
        return null;
    }

    /** The answer every rank of a complete world gets: admitted, and the peer table, encoded once. */
    private static byte[] peerTable(List<RankConnection> complete) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(Wire.ADMITTED);
            out.writeInt(complete.size());
            for (RankConnection p : complete) {
                out.writeUTF(p.peer.host());
                out.writeInt(p.peer.processors());
                out.writeUTF(p.peer.jvm());
                out.writeUTF(p.peer.machine());
                out.writeInt(p.peer.machineProcessors());
                out.writeInt(p.peer.lanePort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
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
        List<RankConnection> waiting = new ArrayList<>();
        synchronized (this) {
            if (admitted || failure != null) {
                return;
            }
            failure = reason;
            failedAtNanos = System.nanoTime();
            for (RankConnection c : ranks) {
                if (c != null) {
                    waiting.add(c);
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, "rendezvous: world " + key + ": " + reason);
        reg.failed(new WorldFailure(key, blamed, reason, null, true));
        for (RankConnection c : waiting) {
            synchronized (c) {
                try {
                    c.out.writeByte(Wire.REFUSED);
                    c.out.writeUTF(reason);
                    c.out.flush();
                } catch (IOException ignored) {
                    // gone
                }
            }
            RendezvousServer.closeQuietly(c.socket);
        }
        reg.worlds.remove(key, this);
    }

    /** Reads DONE or FAILED from one admitted rank until it closes. */
    void controlLoop(RankConnection c) throws IOException {
        try {
            while (true) {
                byte kind = c.in.readByte();
                if (kind == Wire.DONE) {
                    c.done = true;
                    c.activity.done();
                } else if (kind == Wire.ENDPOINT) {
                    endpoint(c, c.in.readInt(), c.in.readInt());
                } else if (kind == Wire.STATE) {
                    byte state = c.in.readByte();
                    String call = c.in.readUTF();
                    long progress = c.in.readLong();
                    c.activity.report(state == Wire.RUNNING ? null : call, progress, state == Wire.POLLING,
                            c.in.readUTF());
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
            RendezvousServer.closeQuietly(c.socket);
            forgetIfOver();
        }
    }

    /**
     * Rank {@code c} started its JVM's MPJ Express endpoint, listening on these ports of its host.
     * Once every JVM of the world has one, each of the ranks that started them gets the table.
     */
    private void endpoint(RankConnection c, int writePort, int readPort) {
        List<RankConnection> starters;
        List<EndpointAddress> table = new ArrayList<>();
        synchronized (this) {
            endpoints.putIfAbsent(c.peer.jvm(), new EndpointAddress(c.peer.host(), readPort, writePort, 0));
            endpointStarters.add(c);
            List<String> order = Peer.jvmOrder(java.util.Arrays.stream(ranks).map(r -> r.peer).toList());
            if (endpoints.size() < order.size()) {
                return;
            }
            order.forEach(jvm -> table.add(endpoints.get(jvm)));
            starters = List.copyOf(endpointStarters);
        }
        for (RankConnection r : starters) {
            synchronized (r) {
                try {
                    r.out.writeByte(Wire.ENDPOINTS);
                    r.out.writeInt(table.size());
                    for (EndpointAddress e : table) {
                        r.out.writeUTF(e.host());
                        r.out.writeInt(e.readPort());
                        r.out.writeInt(e.writePort());
                    }
                    r.out.flush();
                } catch (IOException e) {
                    lost(r, e);
                }
            }
        }
    }

    /**
     * Rank {@code rank} failed. A timeout is blamed on the rank that keeps the others waiting,
     * if one runs its own code in no MPI call: the rank that timed out only waited for it.
     */
    private void failed(int rank, String message, Throwable t, byte[] error) {
        synchronized (this) {
            if (judging) {
                return; // most likely an echo of the mismatch being judged, whose verdict frees every rank
            }
        }
        if (t instanceof org.mpionspark.mpi.MpiMismatchException mm && mm.culprit() < 0) {
            mismatch(rank, message, mm, error);
            return;
        }
        if (t instanceof org.mpionspark.mpi.MpiTimeoutException timeout) {
            RankActivity[] states = activities();
            long now = System.nanoTime();
            int r = -1; // the peer it waited for if that one runs its own code, else the one that has the longest
            for (int i = 0; i < states.length; i++) {
                if (i != rank && states[i] != null && states[i].running()
                        && (r < 0 || states[i].unchangedNanos(now) > states[r].unchangedNanos(now))) {
                    r = i;
                }
            }
            int peer = timeout.peer();
            if (peer >= 0 && peer < states.length && peer != rank && states[peer] != null && states[peer].running()) {
                r = peer;
            }
            if (r >= 0) {
                String blame = timeoutBlame(r, states[r], rank, timeout, now, states);
                reg.failed(new WorldFailure(key, r, blame, t, false));
                abortAll(-1, blame, error);
                return;
            }
        }
        // a mismatch whose ranks could tell who called differently blames that rank first
        int blamed = t instanceof org.mpionspark.mpi.MpiMismatchException mm && mm.culprit() >= 0 ? mm.culprit() : rank;
        reg.failed(new WorldFailure(key, blamed, message, t, false));
        abortAll(rank, "rank " + rank + " failed: " + message, error);
    }

    /**
     * A mismatch noticed on the message path, where the rank that noticed cannot tell who called
     * differently: the driver waits (at most {@link MismatchVerdict#GRACE_NANOS}) until every rank
     * has told which collective call it waits in, then names the one whose call differs from all
     * the others' ({@link MismatchVerdict}), with both calls; other failures meanwhile are its echoes.
     */
    private void mismatch(int rank, String message, org.mpionspark.mpi.MpiMismatchException mm, byte[] error) {
        synchronized (this) {
            if (failure != null || judging) {
                return;
            }
            judging = true;
        }
        try {
            long deadline = System.nanoTime() + MismatchVerdict.GRACE_NANOS;
            MismatchVerdict v = MismatchVerdict.of(activities(), rank, mm.peer());
            while (!v.settled() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                v = MismatchVerdict.of(activities(), rank, mm.peer());
            }
            String said = v.message(rank, mm.getMessage());
            String full = said == null ? message : said;
            reg.failed(new WorldFailure(key, v.culprit() >= 0 ? v.culprit() : rank, full, mm, false));
            abortAll(rank, "rank " + rank + " failed: " + full, error);
        } finally {
            synchronized (this) {
                judging = false;
            }
        }
    }

    /**
     * E.g. "rank 1 has run its own code, outside any MPI call, for 25.7 s while rank 0 waited for it
     * in recv(...) longer than spark.mpi.op.timeout (20 s)": the two durations are told apart, each with its rank.
     */
    private static String timeoutBlame(int blamed, RankActivity running, int waiter,
                                       org.mpionspark.mpi.MpiTimeoutException timeout, long now,
                                       RankActivity[] states) {
        StringBuilder s = new StringBuilder("rank ").append(blamed)
                .append(" has run its own code, outside any MPI call, for ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s", running.unchangedNanos(now) / 1e9))
                .append(" while rank ").append(waiter).append(" waited for it");
        if (timeout.operation() != null) {
            s.append(" in ").append(timeout.operation());
        }
        s.append(" longer than spark.mpi.op.timeout");
        long limit = timeout.timeoutMillis();
        if (limit >= 0) {
            s.append(" (").append(limit % 1000 == 0 ? limit / 1000 + " s" : limit + " ms").append(')');
        }
        List<String> others = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            if (i != blamed && i != waiter && states[i] != null) {
                others.add(states[i].describe(now));
            }
        }
        if (!others.isEmpty()) {
            s.append("; the others: ").append(String.join("; ", others));
        }
        return s.toString();
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
            if (judging) {
                return;
            }
        }
        List<String> calls = RankActivity.deadlock(activities(), reg.deadlockNanos);
        if (calls == null) {
            return;
        }
        String message = "deadlock: every rank waits in an MPI call and none has moved for "
                + reg.deadlockNanos / 1_000_000 + " ms (spark.mpi.deadlock.timeout): " + String.join("; ", calls);
        reg.failed(new WorldFailure(key, -1, message, new org.mpionspark.mpi.MpiDeadlockException(message, calls),
                false));
        abortAll(-1, message, null);
    }

    void lost(RankConnection c, Exception e) {
        if (c.done) {
            return;
        }
        boolean complete;
        synchronized (this) {
            complete = admitted;
            if (judging) {
                return; // the rank that noticed a mismatch ends; the verdict frees the others
            }
        }
        if (!complete) {
            refuseAll(c.rank, "rank " + c.rank + " left the rendezvous before every rank arrived (" + e.getMessage() + ")");
            return;
        }
        String message = "rank " + c.rank + " on host " + c.peer.host() + " lost its connection to the driver "
                + "without reporting an error, so its task or its executor JVM ended (" + RemoteError.describe(e)
                + "); " + RankActivity.describeAll(activities());
        reg.failed(new WorldFailure(key, c.rank, message, null, true));
        abortAll(c.rank, message, null);
    }

    /**
     * Sends the world's first failure to every other rank. Later failures are its echoes (a
     * rank freed by the abort ends and its connection closes) and are not sent: a rank must
     * not learn of an echo before the failure itself, which goes out to the ranks one by one.
     */
    void abortAll(int failedRank, String message, byte[] error) {
        List<RankConnection> targets = new ArrayList<>();
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = message;
            failedAtNanos = System.nanoTime();
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            for (RankConnection r : ranks) {
                if (r != null && r.rank != failedRank && !r.done) {
                    targets.add(r);
                }
            }
        }
        for (RankConnection r : targets) {
            r.send(Wire.ABORT, failedRank, message, error);
        }
    }

    private synchronized void forgetIfOver() {
        for (RankConnection r : ranks) {
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
