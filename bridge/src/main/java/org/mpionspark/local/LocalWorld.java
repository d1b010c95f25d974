package org.mpionspark.local;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.rank.RankLauncher;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rank.RankSession;
import org.mpionspark.bridge.rendezvous.Registration;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;

/**
 * Runs an SPMD function on N ranks that are threads of this JVM, with no Spark: what running an
 * mpi4py script without {@code mpirun} is to mpi4py. For unit tests of MPI code and for benchmarks.
 *
 * <pre>{@code
 * List<Double> sums = LocalWorld.run(4, comm -> {
 *     double[] v = {comm.rank()};
 *     comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
 *     return v[0];
 * });
 * LocalWorld.withOpTimeout(Duration.ofSeconds(5)).execute(2, comm -> ...);   // other settings
 * }</pre>
 *
 * <p>The ranks share this JVM, so their messages go through memory; the guarantees are those of a
 * Spark stage: a rank that throws frees the others and the call throws
 * {@link MpiRankFailedException} with that rank's error as the cause; a deadlock throws
 * {@link org.mpionspark.mpi.MpiDeadlockException} listing each rank's call.
 */
public final class LocalWorld {

    /** The body of an SPMD program: runs once per rank and returns that rank's result. */
    @FunctionalInterface
    public interface RankBody<R> {
        R call(Communicator comm) throws Exception;
    }

    private static final LocalWorld DEFAULT = new LocalWorld(RankOptions.DEFAULTS, Defaults.DEADLOCK_TIMEOUT.toMillis(),
            Defaults.RENDEZVOUS_TIMEOUT.toMillis());

    private final RankOptions options;
    private final long deadlockMillis;
    private final long rendezvousMillis;

    private LocalWorld(RankOptions options, long deadlockMillis, long rendezvousMillis) {
        this.options = options;
        this.deadlockMillis = deadlockMillis;
        this.rendezvousMillis = rendezvousMillis;
    }

    /** Runs {@code body} on {@code ranks} threads with the default settings; the results in rank order. */
    public static <R> List<R> run(int ranks, RankBody<R> body) {
        return DEFAULT.execute(ranks, body);
    }

    /** Default settings but the longest wait of one blocking call ({@code spark.mpi.op.timeout}); zero: none. */
    public static LocalWorld withOpTimeout(Duration timeout) {
        return DEFAULT.opTimeout(timeout);
    }

    /** The defaults: op timeout 10 min, deadlock watchdog 5 s, algorithms chosen for this machine's cores. */
    public static LocalWorld defaults() {
        return DEFAULT;
    }

    /** These settings with another op timeout (zero: none). */
    public LocalWorld opTimeout(Duration timeout) {
        return new LocalWorld(options.withOpTimeoutMillis(millis(timeout, "op timeout")), deadlockMillis,
                rendezvousMillis);
    }

    /** These settings with another deadlock watchdog ({@code spark.mpi.deadlock.timeout}; zero: off). */
    public LocalWorld deadlockTimeout(Duration timeout) {
        return new LocalWorld(options, millis(timeout, "deadlock timeout"), rendezvousMillis);
    }

    /**
     * These settings with the collective algorithms for ranks that share cores ({@code true}: fewest
     * messages) or have one each ({@code false}: fewest rounds), as {@code spark.mpi.coresShared}.
     */
    public LocalWorld coresShared(boolean shared) {
        return new LocalWorld(options.withCoresShared(shared), deadlockMillis, rendezvousMillis);
    }

    /**
     * These settings with the memory path on (the default) or off: off, every message goes
     * through MPJ Express's sockets as between JVMs (for comparisons, and MPJ's own collectives).
     */
    public LocalWorld memoryPath(boolean on) {
        return new LocalWorld(options.withMemoryPath(on), deadlockMillis, rendezvousMillis);
    }

    /** These settings with classes the object tier's Kryo registers ({@code spark.mpi.kryo.classesToRegister}). */
    public LocalWorld kryoClasses(List<String> classNames) {
        return new LocalWorld(options.withKryoClasses(classNames), deadlockMillis, rendezvousMillis);
    }

    /** The bridge's settings, for launchers inside this project (tests placing ranks by hand). */
    public RankOptions rankOptions() {
        return options;
    }

    private static long millis(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must be zero (none) or positive, not " + d);
        }
        return d.toMillis() == 0 && !d.isZero() ? 1 : d.toMillis();
    }

    /**
     * Runs {@code body} on {@code ranks} threads of this JVM with these settings and returns the
     * results in rank order, or throws the world's first failure.
     */
    public <R> List<R> execute(int ranks, RankBody<R> body) {
        if (body == null) {
            throw new IllegalArgumentException("execute(" + ranks + ", null): the function of the ranks is null");
        }
        if (ranks < 1) {
            throw new IllegalArgumentException("a world needs at least 1 rank, not " + ranks);
        }
        RendezvousServer server;
        try {
            server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1");
        } catch (java.io.IOException e) {
            throw new MpiException(-1, "local world", -1, "cannot open the rendezvous on loopback: " + e, e);
        }
        try (server; Registration reg = server.register(ranks, rendezvousMillis, deadlockMillis)) {
            List<CompletableFuture<R>> results = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                int rank = r;
                CompletableFuture<R> result = new CompletableFuture<>();
                results.add(result);
                Thread t = new Thread(() -> runRank(reg, rank, ranks, body, result),
                        "local-world rank " + rank + "/" + ranks);
                t.setDaemon(true);
                t.setContextClassLoader(LocalWorld.class.getClassLoader());
                threads.add(t);
            }
            threads.forEach(Thread::start);
            List<R> out = new ArrayList<>();
            Throwable first = null;
            for (CompletableFuture<R> f : results) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MpiException(-1, "local world", -1, "interrupted while the ranks ran", e);
                }
            }
            if (first != null) {
                throw error(reg.awaitFailure(2_000), ranks, first);
            }
            return out;
        }
    }

    private <R> void runRank(Registration reg, int rank, int size, RankBody<R> body,
                                    CompletableFuture<R> result) {
        RankSession session;
        try {
            // every rank is here: with the memory path on, the world needs no MPJ Express at all
            session = RankLauncher.start(options.memoryPath() ? reg.ticket().withSoleJvm(options.jvm(rank))
                    : reg.ticket(), "local", rank, options, () -> false);
        } catch (Throwable t) {
            result.completeExceptionally(t);
            return;
        }
        try {
            R value = body.call(session.communicator());
            session.complete();
            result.complete(value);
        } catch (Throwable t) {
            session.fail(t);
            result.completeExceptionally(t);
        }
    }

    private static RuntimeException error(Optional<WorldFailure> failure, int ranks, Throwable local) {
        if (failure.isEmpty() || failure.get().rank() < 0) {
            if (failure.isPresent() && failure.get().error() instanceof MpiException me) {
                return me;
            }
            return local instanceof RuntimeException re ? re : new MpiException(-1, "local world", -1,
                    String.valueOf(local.getMessage()), local);
        }
        WorldFailure f = failure.get();
        return new MpiRankFailedException(f.rank(), ranks, f.message(), f.error() != null ? f.error() : local);
    }
}
