package org.mpionspark.bridge.rank;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mpionspark.bridge.dataport.DataPortException;
import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.lane.LaneStart;
import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.mpj.MpjEndpoint;
import org.mpionspark.bridge.mpj.MpjStatics;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.rendezvous.Peer;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.NativeCollectives;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.mpi.MpiException;

/**
 * The endpoint of one world in this JVM, shared by the world's ranks here: the first of them to
 * arrive starts it (one set of connections per JVM: its lanes, and MPJ Express's class loader,
 * {@code niodev} and connections once asked for), the others wait for it, and the last to leave
 * ends it. Each rank holds a {@link Lease}.
 */
final class SharedEndpoint {

    private static final System.Logger LOG = System.getLogger(SharedEndpoint.class.getName());
    private static final Map<String, SharedEndpoint> OPEN = new HashMap<>();

    private final String key;
    private final byte[] dataKey;
    private final String label;
    private final int localRanks;
    private final boolean oneRankPerJvm;
    /** Whether what goes between JVMs is encrypted ({@code spark.network.crypto.enabled}). */
    private final boolean sealed;
    private final long finalizeTimeoutMillis;
    private final CompletableFuture<Endpoint> started = new CompletableFuture<>();
    private final ThreadGroup group;
    private RankClassLoader loader;
    /** MPJ Express's start, once begun; its device is killed with the endpoint if it has not started. */
    private MpjStart behind;
    private boolean tornDown;
    private int leases;
    private int left;
    private boolean killed;

    private SharedEndpoint(String key, byte[] dataKey, boolean sealed, String label, int localRanks,
                           boolean oneRankPerJvm, long finalizeTimeoutMillis) {
        this.key = key;
        this.dataKey = dataKey;
        this.sealed = sealed;
        this.label = label;
        this.localRanks = localRanks;
        this.oneRankPerJvm = oneRankPerJvm;
        this.finalizeTimeoutMillis = finalizeTimeoutMillis;
        this.group = new ThreadGroup("mpi " + label);
    }

    /**
     * A lease on the endpoint of world and JVM {@code key}, its data ports keyed by {@code dataKey}
     * (what goes between JVMs encrypted with it if {@code sealed}), where
     * {@code localRanks} of its ranks live; whether it is the first, which must {@link #start} the
     * endpoint, says {@link Lease#starter}. Its closing handshake with the other JVMs may take
     * {@code finalizeTimeoutMillis}.
     */
    static Lease join(String key, byte[] dataKey, boolean sealed, String label, int localRanks, boolean oneRankPerJvm,
                      long finalizeTimeoutMillis) {
        synchronized (OPEN) {
            SharedEndpoint e = OPEN.computeIfAbsent(key, k -> new SharedEndpoint(k, dataKey, sealed, label, localRanks,
                    oneRankPerJvm, finalizeTimeoutMillis));
            if (e.leases == localRanks) {
                throw new IllegalStateException("more ranks joined the endpoint of " + label + " than the "
                        + localRanks + " of the peer table");
            }
            e.leases++;
            return e.new Lease(e.leases == 1);
        }
    }

    /**
     * Starts endpoint {@code index} of {@code size}: its lanes to the other JVMs over {@code lanes},
     * opened before the rank's hello and announced in the peer table (MPJ Express beside them only
     * once asked for, {@link MpjOnDemand}), or with {@code spark.mpi.network.lanes=false}
     * ({@code lanes} null) MPJ Express, which then carries every message: its ports are relayed
     * through {@code link} to the driver, which answers with every JVM's endpoint. Returns once
     * connected to all of them. Run by the starter's rank; the others wait in {@link Lease#await}.
     */
    void start(WorldTicket ticket, ControlLink link, LaneStart lanes, AbortState abort, int rank, int index, int size,
               int protocolSwitchLimit, int[] endpointOf, Arrivals arrivals, long opTimeoutMillis) {
        MpjWorld world = new MpjWorld(ticket, link.localAddress(), index, size, protocolSwitchLimit, endpointOf, arrivals);
        try {
            started.complete(lanes != null ? startLanes(world, link, lanes, abort, rank, opTimeoutMillis)
                    : startMpj(world, link, abort, rank));
        } catch (IOException e) {
            started.completeExceptionally(e);
            throw new MpiException(rank, "MPI_Init", -1, "could not start this JVM's endpoint: " + e, e);
        } catch (RuntimeException | Error e) {
            started.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The lanes to every other JVM's endpoint, at the ports of the peer table; MPJ Express starts
     * beside them once asked for.
     */
    private Endpoint startLanes(MpjWorld world, ControlLink link, LaneStart lanes, AbortState abort, int rank,
                                long opTimeoutMillis) throws IOException {
        try (lanes) {
            List<EndpointAddress> table = Peer.laneTable(link.peers());
            String what = "the lanes to the other JVMs' endpoints";
            try {
                lanes.place(label, world.index(), world.size(), daemons());
                lanes.connect(table, MpjStart.CONNECT_MILLIS, () -> abort.check("MPI_Init", -1));
            } catch (DataPortException e) {
                throw new MpiException(rank, "MPI_Init", -1, "failed while waiting for " + what + ": " + e, e);
            }
            await(lanes.ready(), abort, rank, MpjStart.CONNECT_MILLIS, what);
            return lanes.endpoint(new MpjOnDemand(world, table, () -> beside(world)), world.endpointOf(),
                    world.arrivals(), opTimeoutMillis);
        }
    }

    /** MPJ Express, which carries every message between JVMs: started, its ports published, connected. */
    private Endpoint startMpj(MpjWorld world, ControlLink link, AbortState abort, int rank) throws IOException {
        MpjStart start = begin(world);
        try {
            int[] ports = start.report();
            link.publishEndpoint(ports[0], ports[1]);
            start.answer(await(link.endpoints(), abort, rank, world.timeoutMillis(), "the other JVMs' endpoints"));
            return await(start.started(), abort, rank, start.timeoutMillis(),
                    "MPJ Express to connect to the other JVMs' endpoints");
        } finally {
            closeQuietly(start); // its start-up relay and data ports: connected, or failed
        }
    }

    /** MPJ Express beside the lanes, asked for; never where what goes between JVMs is encrypted: its connections are not. */
    private MpjStart beside(MpjWorld world) throws IOException {
        if (sealed) {
            throw new IOException("MPJ Express's own connections would carry its collectives between JVMs unencrypted, "
                    + "and spark.network.crypto.enabled=true asks for encryption: only the lanes, which are, carry them");
        }
        return begin(world);
    }

    /**
     * Starts MPJ Express here in a class loader of the pool (which may wait, bounded, for the last
     * world here to close), its data ports guarded with the world's key.
     */
    private MpjStart begin(MpjWorld world) throws IOException {
        synchronized (this) {
            if (tornDown) {
                throw new IOException(label + " was torn down");
            }
        }
        RankClassLoader taken = LoaderPool.take();
        synchronized (this) {
            loader = taken;
        }
        PortGuard guard = new PortGuard(label, group, world.bindAddress(), dataKey, world.index(), world.size(),
                world.timeoutMillis() + MpjStart.CONNECT_MILLIS);
        MpjStart start = MpjStart.begin(taken, group, guard, world.ticket(), world.index(), world.size(),
                world.protocolSwitchLimit(), world.endpointOf(), world.arrivals());
        synchronized (this) {
            behind = start;
        }
        return start;
    }

    /** Daemon threads of this endpoint's group, so they are counted, and joined, with it. */
    private java.util.concurrent.ThreadFactory daemons() {
        return r -> {
            Thread t = new Thread(group, r, "mpi-" + label.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * {@code future}'s value, checking for an abort every 20 ms, for at most {@code timeoutMillis};
     * else an {@link MpiException} of rank {@code rank} naming {@code what} it waited for.
     */
    static <T> T await(CompletableFuture<T> future, AbortState abort, int rank, long timeoutMillis, String what) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            try {
                return future.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                abort.check("MPI_Init", -1);
                if (System.nanoTime() > deadline) {
                    throw new MpiException(rank, "MPI_Init", -1, "waited more than " + timeoutMillis + " ms for " + what);
                }
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof MpiException me) {
                    throw me;
                }
                throw new MpiException(rank, "MPI_Init", -1, "failed while waiting for " + what + ": " + c, c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MpiException(rank, "MPI_Init", -1, "interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * A rank leaves; the last one ends the endpoint: if every rank left in order, in the background
     * ({@link #close}), else at once. Whether this rank was the last.
     */
    private boolean leave(boolean orderly) {
        Endpoint endpoint;
        RankClassLoader l;
        synchronized (this) {
            left++;
            killed |= !orderly;
            if (left < localRanks) {
                return false;
            }
            endpoint = startedOrNull();
            l = loader;
        }
        synchronized (OPEN) {
            OPEN.remove(key, this);
        }
        if (endpoint != null && !killed) {
            LoaderPool.closing(l);
            Thread closer = new Thread(group.getParent(), () -> close(endpoint), "mpi-endpoint-close (" + label + ")");
            closer.setDaemon(true);
            closer.start();
        } else {
            tearDown();
            release(false);
        }
        return true;
    }

    /**
     * Every rank of this JVM has left in order: the closing handshake with the other JVMs (bounded
     * by the finalize timeout), the tear-down and the loader's return to the pool run on a thread of
     * their own, so the last rank's task does not wait for the slowest JVM's goodbye.
     */
    private void close(Endpoint endpoint) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread finisher = new Thread(group, () -> {
            try {
                endpoint.finish();
                finished.complete(null);
            } catch (Throwable t) {
                finished.completeExceptionally(t);
            }
        }, "mpi-endpoint-finish (" + label + ")");
        finisher.setDaemon(true);
        boolean clean = false;
        try {
            finisher.start();
            finished.get(finalizeTimeoutMillis, TimeUnit.MILLISECONDS);
            clean = true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, label + ": the closing handshake did not end cleanly (" + e
                    + "); tearing it down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tearDown();
            release(clean && RankSession.threads(group).isEmpty());
        }
    }

    /**
     * Gives the loader back to the pool: reused by a later world only if this one ended {@code clean}
     * and MPJ's static state in it could be reset ({@link MpjStatics}).
     */
    private void release(boolean clean) {
        RankClassLoader l;
        synchronized (this) {
            l = loader;
            loader = null;
        }
        if (l != null) {
            String unfit = clean ? resetStatics(l) : null;
            if (unfit != null) {
                LOG.log(System.Logger.Level.WARNING, label + ": its MPJ Express loader is not reused: " + unfit);
            }
            LoaderPool.giveBack(l, clean && unfit == null);
        }
    }

    /** {@link MpjStatics#reset} in {@code l}, where MPJ's classes live: null if done, else why not. */
    private static String resetStatics(RankClassLoader l) {
        try {
            return (String) l.loadClass(MpjStatics.class.getName()).getMethod("reset").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return String.valueOf(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return String.valueOf(e);
        }
    }

    /** Kills MPJ Express and waits (bounded) for every thread of the endpoint to end. */
    private void tearDown() {
        MpjStart starting;
        synchronized (this) {
            tornDown = true;
            starting = behind != null && !behind.started().isDone() ? behind : null;
        }
        Runnable kill = () -> {
            Endpoint e = startedOrNull();
            try {
                if (e != null) {
                    e.kill();
                }
                if (e == null || starting != null) { // MPJ Express may still be starting: its device, at least
                    closeQuietly(starting);
                    RankClassLoader l;
                    synchronized (this) {
                        l = loader;
                    }
                    if (l != null) {
                        l.loadClass(MpjEndpoint.class.getName()).getMethod("killDevice").invoke(null);
                    }
                }
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, label + ": tearing down MPJ Express failed", t);
            }
        };
        kill.run();
        RankSession.joinThreads(group, kill);
    }

    /** Closes {@code start}'s relay and data ports (null: nothing); a failure to close changes nothing. */
    static void closeQuietly(MpjStart start) {
        try {
            if (start != null) {
                start.close();
            }
        } catch (IOException ignored) {
            // the relay is closed either way
        }
    }

    /** The endpoint, if it has started; null otherwise (to tear down after a failed start). */
    private Endpoint startedOrNull() {
        return started.isDone() && !started.isCompletedExceptionally() ? started.join() : null;
    }

    /**
     * One rank's hold on the endpoint: its {@link #finish} and {@link #kill} are that rank leaving
     * (once); the last rank's leaving ends the endpoint (its close bounded on its own), so a kill
     * after the rank's finish does nothing.
     */
    final class Lease implements Endpoint {

        private final boolean starter;
        private Endpoint endpoint;
        private boolean gone;

        private Lease(boolean starter) {
            this.starter = starter;
        }

        /** Whether this rank came first and so starts the endpoint. */
        boolean starter() {
            return starter;
        }

        SharedEndpoint shared() {
            return SharedEndpoint.this;
        }

        /** Waits for the endpoint (started by the starter's rank); ends on an abort or after the timeout. */
        void await(AbortState abort, int rank, long timeoutMillis) {
            endpoint = SharedEndpoint.await(started, abort, rank, timeoutMillis, "this JVM's MPJ Express endpoint");
        }

        @Override
        public Transport.Pending send(int source, int channel, ArrayKind kind, Object buf, int offset, int count,
                                      int dest, int tag) {
            return endpoint.send(source, channel, kind, buf, offset, count, dest, tag);
        }

        @Override
        public String processorName() {
            return endpoint.processorName();
        }

        @Override
        public boolean readWhileWaiting(java.util.function.BooleanSupplier woken, long nanos) {
            return endpoint.readWhileWaiting(woken, nanos);
        }

        @Override
        public void wakeReader() {
            endpoint.wakeReader();
        }

        @Override
        public void readNow() {
            endpoint.readNow();
        }

        /** MPJ Express's own collectives span its world of JVMs: the world's only when each JVM has one rank. */
        @Override
        public <T> T capability(Class<T> type) {
            if (type == NativeCollectives.class && !oneRankPerJvm) {
                return null;
            }
            return endpoint.capability(type);
        }

        @Override
        public void finish() {
            synchronized (this) {
                if (gone) {
                    return;
                }
                gone = true;
            }
            leave(true);
        }

        @Override
        public void kill() {
            synchronized (this) {
                if (gone) {
                    return; // after its finish: the endpoint's close is bounded on its own
                }
                gone = true;
            }
            leave(false);
        }
    }
}
