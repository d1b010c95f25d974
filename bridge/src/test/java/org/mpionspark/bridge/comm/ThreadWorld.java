package org.mpionspark.bridge.comm;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.rank.RankLauncher;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rank.RankSession;
import org.mpionspark.bridge.rendezvous.Registration;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.mpi.Communicator;

/** Runs an SPMD function on N ranks, each a plain thread of this JVM: the bridge with no Spark. */
final class ThreadWorld {

    /** What one rank returned or threw. */
    record Outcome<R>(R value, Throwable error) {
    }

    private ThreadWorld() {
    }

    /** What every rank did, and the world's first failure as the driver saw it. */
    record Result<R>(List<Outcome<R>> outcomes, Optional<WorldFailure> failure) {
    }

    /**
     * Where the ranks are, as the peer table tells them: all in this JVM (the memory path, as in
     * {@code local[N]}), each as if in a JVM of its own (every message through MPJ Express), or
     * mixed (the first half in one "JVM", the rest in another: 5 ranks as 2 + 3), or interleaved
     * (even ranks in one "JVM", odd ones in another, as Spark places the tasks of a stage on two
     * executors: world ranks 0 and 2 together, 1 and 3 together).
     */
    enum Placement {
        ONE_JVM, EACH_APART, MIXED, INTERLEAVED;

        RankOptions options(RankOptions base, int rank, int n) {
            return switch (this) {
                case ONE_JVM -> base;
                case EACH_APART -> base.withJvmKey("test-host-" + rank);
                case MIXED -> base.withJvmKey(rank < n / 2 ? "test-jvm-a" : "test-jvm-b");
                case INTERLEAVED -> base.withJvmKey(rank % 2 == 0 ? "test-jvm-even" : "test-jvm-odd");
            };
        }

        WorldTicket ticket(WorldTicket t) {
            return this == ONE_JVM ? t.withSoleJvm(org.mpionspark.bridge.memory.JvmKey.current()) : t;
        }
    }

    static <R> List<Outcome<R>> run(int n, RankOptions options, Function<Communicator, R> body) throws Exception {
        return run(n, Placement.ONE_JVM, options, body);
    }

    static <R> List<Outcome<R>> run(int n, Placement placement, RankOptions options, Function<Communicator, R> body)
            throws Exception {
        return run(n, placement, options, Defaults.DEADLOCK_TIMEOUT.toMillis(), body).outcomes();
    }

    /** As {@link #run(int, RankOptions, Function)}, with the driver's deadlock watchdog at {@code deadlockMillis}. */
    static <R> Result<R> run(int n, RankOptions options, long deadlockMillis, Function<Communicator, R> body)
            throws Exception {
        return run(n, Placement.ONE_JVM, options, deadlockMillis, body);
    }

    static <R> Result<R> run(int n, Placement placement, RankOptions options, long deadlockMillis,
                             Function<Communicator, R> body) throws Exception {
        return run(n, placement, Defaults.TWO_LEVEL, options, deadlockMillis, body);
    }

    /** As {@link #run(int, Placement, RankOptions, Function)}, the world's collectives in two levels as {@code twoLevel} says. */
    static <R> List<Outcome<R>> run(int n, Placement placement, TwoLevelMode twoLevel, RankOptions options,
                                    Function<Communicator, R> body) throws Exception {
        return run(n, placement, twoLevel, options, Defaults.DEADLOCK_TIMEOUT.toMillis(), body).outcomes();
    }

    private static <R> Result<R> run(int n, Placement placement, TwoLevelMode twoLevel, RankOptions options,
                                     long deadlockMillis, Function<Communicator, R> body) throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            Registration reg = server.register(n, 20_000, deadlockMillis);
            WorldTicket ticket = placement.ticket(reg.ticket()).withTwoLevel(twoLevel);
            List<Outcome<R>> outcomes = run(ticket, "test-world", n, placement, options, body);
            boolean failed = outcomes.stream().anyMatch(o -> o.error() != null);
            // a rank's report may still be on its way to the server when the rank has returned
            return new Result<>(outcomes, failed ? reg.awaitFailure(5_000) : reg.firstFailure());
        }
    }

    static <R> List<Outcome<R>> run(WorldTicket ticket, String worldKey, int n, RankOptions options,
                                    Function<Communicator, R> body) throws Exception {
        return run(ticket, worldKey, n, Placement.ONE_JVM, options, body);
    }

    /**
     * {@code n} ranks spread over {@code jvms} "JVMs" as Spark spreads a stage's tasks over
     * executors: rank r in JVM r % {@code jvms} (so several ranks in each when n > jvms).
     */
    static <R> List<Outcome<R>> runOnJvms(int n, int jvms, RankOptions options, Function<Communicator, R> body)
            throws Exception {
        return runOnJvms(n, jvms, Defaults.TWO_LEVEL, options, body);
    }

    /** As {@link #runOnJvms(int, int, RankOptions, Function)}, the world's collectives in two levels as {@code twoLevel} says. */
    static <R> List<Outcome<R>> runOnJvms(int n, int jvms, TwoLevelMode twoLevel, RankOptions options,
                                          Function<Communicator, R> body) throws Exception {
        return runOnJvms(n, jvms, twoLevel, Defaults.LANES, options, body);
    }

    /**
     * As {@link #runOnJvms(int, int, RankOptions, Function)}, messages between the "JVMs" on lanes
     * ({@code lanes}) or on MPJ Express's connections.
     */
    static <R> List<Outcome<R>> runOnJvms(int n, int jvms, boolean lanes, RankOptions options,
                                          Function<Communicator, R> body) throws Exception {
        return runOnJvms(n, jvms, Defaults.TWO_LEVEL, lanes, options, body);
    }

    private static <R> List<Outcome<R>> runOnJvms(int n, int jvms, TwoLevelMode twoLevel, boolean lanes,
                                                  RankOptions options, Function<Communicator, R> body) throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            Registration reg = server.register(n, 20_000, Defaults.DEADLOCK_TIMEOUT.toMillis());
            return run(reg.ticket().withTwoLevel(twoLevel).withLanes(lanes), "test-world", n,
                    rank -> options.withJvmKey("test-jvm-" + rank % jvms), body);
        }
    }

    /**
     * As {@link #runOnJvms(int, int, RankOptions, Function)}, encrypted as with {@code
     * spark.network.crypto.enabled}: each rank's control link to the driver and the lanes between
     * the "JVMs", with the application's secret {@code secret}; with the registration's first failure.
     */
    static <R> Result<R> runSealed(int n, int jvms, byte[] secret, Function<Communicator, R> body) throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            Registration reg = server.register(n, 20_000, Defaults.DEADLOCK_TIMEOUT.toMillis(), secret);
            RankOptions options = RankOptions.DEFAULTS.withEncryptionRequired(true).withApplicationSecret(secret);
            List<Outcome<R>> outcomes = run(reg.ticket(), "test-world", n,
                    rank -> options.withJvmKey("test-jvm-" + rank % jvms), body);
            boolean failed = outcomes.stream().anyMatch(o -> o.error() != null);
            return new Result<>(outcomes, failed ? reg.awaitFailure(5_000) : reg.firstFailure());
        }
    }

    private static <R> List<Outcome<R>> run(WorldTicket ticket, String worldKey, int n, Placement placement,
                                            RankOptions options, Function<Communicator, R> body) throws Exception {
        return run(ticket, worldKey, n, rank -> placement.options(options, rank, n), body);
    }

    private static <R> List<Outcome<R>> run(WorldTicket ticket, String worldKey, int n,
                                            java.util.function.IntFunction<RankOptions> optionsOf,
                                            Function<Communicator, R> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rank = r;
                futures.add(pool.submit(() -> {
                    RankSession session;
                    try {
                        session = RankLauncher.start(ticket, worldKey, rank, optionsOf.apply(rank), () -> false);
                    } catch (Throwable t) {
                        return new Outcome<R>(null, t);
                    }
                    try {
                        R value = body.apply(session.communicator());
                        session.complete();
                        return new Outcome<>(value, null);
                    } catch (Throwable t) {
                        session.fail(t);
                        return new Outcome<R>(null, t);
                    }
                }));
            }
            List<Outcome<R>> out = new ArrayList<>();
            for (Future<Outcome<R>> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The values, failing the test with the first rank error if any rank threw. */
    static <R> List<R> values(List<Outcome<R>> outcomes) {
        List<R> out = new ArrayList<>();
        for (Outcome<R> o : outcomes) {
            if (o.error() != null) {
                throw new AssertionError("a rank failed: " + o.error(), o.error());
            }
            out.add(o.value());
        }
        return out;
    }
}
