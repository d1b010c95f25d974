package org.mpionspark.bridge.rendezvous;

import java.io.Closeable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** One SPMD job's admission: its ticket, its worlds, and the first failure among them. */
public final class Registration implements Closeable {

    private static final System.Logger LOG = System.getLogger(RendezvousServer.class.getName());

    final WorldTicket ticket;
    /** The application's secret its ranks' control links are encrypted with; null: in the clear. */
    final byte[] sealKey;
    final long deadlockNanos;
    /** Runs each world's rendezvous timeout and deadlock watchdog. */
    final ScheduledExecutorService timer;
    private final Runnable onClose;
    final Map<String, World> worlds = new ConcurrentHashMap<>();
    private volatile WorldFailure firstFailure;
    private final java.util.Set<String> failedWorlds = new java.util.HashSet<>();
    private volatile java.util.function.Consumer<WorldFailure> listener;

    /** {@code onClose}: forgets this registration on the server; {@code sealKey}: as {@link RendezvousServer#register(int, long, long, byte[])}. */
    Registration(WorldTicket ticket, byte[] sealKey, long deadlockTimeoutMillis, ScheduledExecutorService timer,
                 Runnable onClose) {
        this.ticket = ticket;
        this.sealKey = sealKey == null ? null : sealKey.clone();
        this.deadlockNanos = deadlockTimeoutMillis * 1_000_000L;
        this.timer = timer;
        this.onClose = onClose;
    }

    /** What ranks need to join; ship it to them. */
    public WorldTicket ticket() {
        return ticket;
    }

    /** The first rank failure of any world of this registration, if there was one. */
    public Optional<WorldFailure> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    /**
     * The first failure, waiting up to {@code millis} for it while a world of this job is still
     * open: Spark may report a failed task before the rank's own report, sent just before it
     * failed on another connection, has been read here.
     */
    public Optional<WorldFailure> awaitFailure(long millis) {
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
    public void onWorldFailure(java.util.function.Consumer<WorldFailure> listener) {
        this.listener = listener;
    }

    void failed(WorldFailure f) {
        synchronized (this) {
            if (firstFailure == null) {
                firstFailure = f;
            }
            if (!failedWorlds.add(f.worldKey())) {
                return;
            }
        }
        java.util.function.Consumer<WorldFailure> l = listener;
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
        onClose.run();
        for (World w : worlds.values()) {
            w.abortAll(-1, "the SPMD job was closed on the driver", null);
        }
    }
}
