package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.MpiTimeoutException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Request;

/**
 * Misuse and failures that used to hang or say little, each ending at once with a message naming
 * what happened: nested stages, a failing {@code mapPartitions}, inputs made by {@code coalesce} or
 * {@code union}, too few slots, settings per stage and per session, junk connections to a session's port,
 * deadlocks in {@code waitAny} and polling loops (and a cancelled receive, which must not take a
 * message). Run on 4 task slots by
 * {@link ClearFailuresLocalModeTest} ({@code local[4]}) and {@link ClearFailuresLocalClusterTest}
 * (two executor JVMs).
 */
abstract class ClearFailures {

    abstract JavaSparkContext jsc();

    abstract JavaMpiContext mpi();

    /** The start of the message of {@code run(5, …)} on 4 slots. */
    abstract String tooManyRanksMessage();

    private static final String NESTED = "was called inside a Spark task (stage ";
    private static final String DRIVER_ONLY = "an SPMD stage is started from the driver only (one started inside "
            + "another stage would wait for ever for task slots that stage holds)";

    /** What {@code call} throws, as a rank or cell returns it: the exception's class and message. */
    static String failure(org.apache.spark.api.java.function.Function0<?> call) {
        try {
            return "no error: " + call.call();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void aFailingRunNamesTheRankItsHostAndItsError() {
        assertRankTwoFailed(assertThrows(MpiRankFailedException.class, () -> mpi().run(4, comm -> {
            if (comm.rank() == 2) {
                throw new ArithmeticException("rank two divides by zero");
            }
            comm.barrier();
            return 0;
        })));
    }

    @Test
    void aStageStartedFromInsideARankFailsAtOnceSayingSo() {
        JavaMpiContext nested = mpi(); // travels with the closure, as a REPL line's context does
        List<String> out = mpi().run(2, comm -> failure(() -> nested.run(2, c -> 0)) + " | "
                + failure(() -> nested.mapPartitions((JavaRDD<Integer>) null, (c, p) -> p)));
        for (int r = 0; r < 2; r++) {
            String[] both = out.get(r).split(" \\| ");
            assertTrue(both[0].startsWith("MpiException: rank " + r + " in run(2 ranks): run(2 ranks) " + NESTED),
                    out.get(r));
            assertTrue(both[0].endsWith(", partition " + r + ": a rank or a session cell); " + DRIVER_ONLY), out.get(r));
            assertTrue(both[1].startsWith("MpiException: rank " + r + " in mapPartitions: mapPartitions " + NESTED),
                    out.get(r));
        }
    }

    @Test
    void aSessionCellThatStartsAStageOrRunsOrClosesItsSessionIsToldAtOnce() {
        JavaMpiContext nested = mpi();
        try (MpiSession px = mpi().session(2)) {
            CellResult<String> r = px.runWithOutput((comm, state) -> failure(() -> nested.run(1, c -> 0)) + " | "
                    + failure(() -> px.run((c, s) -> 0)) + " | " + failure(() -> {
                        px.close();
                        return "closed";
                    }));
            for (int rank = 0; rank < 2; rank++) {
                String[] three = r.values().get(rank).split(" \\| ");
                assertTrue(three[0].startsWith("MpiException: rank " + rank + " in run(1 ranks): run(1 ranks) " + NESTED),
                        three[0]);
                assertTrue(three[0].endsWith(DRIVER_ONLY), three[0]);
                assertTrue(three[1].startsWith("MpiException: rank " + rank + " in MpiSession.run: MpiSession.run "
                        + NESTED), three[1]);
                assertTrue(three[1].endsWith("; a session runs its cells from the driver only"), three[1]);
                assertTrue(three[2].startsWith("MpiException: rank " + rank + " in MpiSession.close: MpiSession.close "
                        + NESTED), three[2]);
                assertTrue(three[2].endsWith("; a session is closed from the driver, not from its cells"), three[2]);
            }
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()), "the session still runs cells");
        }
    }

    /**
     * A local process that connects to the session's port before the ranks do (silent, junk, forged)
     * used to hold its one accept thread for 15 s each: the session now starts, runs its cells, and
     * refuses each such connection with its reason, in a few log lines.
     */
    @Test
    void junkConnectionsToTheSessionPortAreRefusedWhileTheSessionStartsAndRuns() throws Exception {
        java.util.concurrent.atomic.AtomicReference<org.mpionspark.spark.internal.CellServer> opened =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<PortJunk> junk = new java.util.concurrent.atomic.AtomicReference<>();
        long began = System.nanoTime();
        SessionDriver.cellServerOpened = server -> {
            opened.set(server);
            junk.set(PortJunk.flood(server)); // before the ranks' stage is submitted
        };
        try (MpiSession px = mpi().session(4)) {
            SessionDriver.cellServerOpened = server -> { };
            px.run((comm, state) -> state.put("v", comm.rank() + 1));
            assertEquals(List.of(10, 10, 10, 10), px.run((comm, state) -> {
                int[] v = {state.<Integer>get("v")};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, v, Op.SUM);
                return v[0];
            }), "cells run on every rank, with the variables of the previous cell");

            assertEquals(Map.of("handshake not complete within 15000 ms", PortJunk.SILENT,
                    "not a rank of an MPI session (bad magic)", PortJunk.HTTP,
                    "wrong secret", PortJunk.FORGED,
                    "rank 99 is outside the session's 4 ranks", 1), junk.get().refusals());
            org.mpionspark.spark.internal.CellServer server = opened.get();
            long deadline = System.nanoTime() + 60_000_000_000L; // the hang-ups are counted as the selector sees them
            while (server.refusals().refused() < PortJunk.TOTAL && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
            assertEquals(PortJunk.TOTAL, server.refusals().refused(), "each connection refused, none admitted");
            long minutes = (System.nanoTime() - began) / 60_000_000_000L;
            assertTrue(server.refusals().lines() <= 1 + minutes, server.refusals().lines() + " log lines for "
                    + PortJunk.TOTAL + " refusals in " + minutes + " whole minutes: the first in full, then one a minute");
            assertEquals(0, server.pendingHandshakes());
            assertEquals(List.of(0, 1, 2, 3), px.run((comm, state) -> comm.rank()), "the session still runs cells");
        } finally {
            SessionDriver.cellServerOpened = server -> { };
            if (junk.get() != null) {
                junk.get().close();
            }
        }
    }

    /** A cell on some ranks: a collective that others would have to join fails at once; point-to-point works. */
    @Test
    void aCellOnSomeRanksIsToldAtOnceWhenItCallsACollectiveOfRanksOutsideIt() {
        try (MpiSession px = mpi().session(4)) {
            px.run((comm, state) -> {
                state.put("evens", comm.split(comm.rank() % 2, comm.rank())); // made where every rank runs
                return 0;
            });
            CellResult<String> r = px.on(0, 2).runWithOutput((comm, state) -> {
                String world = failure(() -> {
                    comm.barrier();
                    return "passed";
                });
                org.mpionspark.mpi.Communicator evens = state.get("evens");
                int[] sum = {comm.rank()};
                evens.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, sum, org.mpionspark.mpi.Op.SUM);
                int[] token = {comm.rank()};
                comm.sendrecvReplace(token, 2 - comm.rank(), 0, 2 - comm.rank(), 0);
                return world + " | " + sum[0] + " " + token[0];
            });
            for (int i = 0; i < 2; i++) {
                int rank = 2 * i;
                String[] parts = r.values().get(i).split(" \\| ");
                assertEquals("MpiException: rank " + rank + " in barrier() (peer rank 1): ranks [1, 3] of this "
                        + "communicator are outside this cell, which runs on ranks [0, 2] only (px.on(...)): they do "
                        + "not run it, so this collective could never complete; here use point-to-point between the "
                        + "cell's ranks, or collectives of a communicator made of them only", parts[0]);
                assertEquals("2 " + (2 - rank), parts[1]);
            }
            assertEquals(List.of(0, 1, 2, 3), px.run((comm, state) -> {
                comm.barrier(); // every rank runs this cell: collectives of the world again
                return comm.rank();
            }));
        }
    }

    @Test
    void aFailingMapPartitionsThrowsTheRanksErrorAsRunDoes() {
        JavaRDD<Integer> data = jsc().parallelize(IntStream.range(0, 8).boxed().toList(), 4);
        JavaRDD<Integer> out = mpi().mapPartitions(data, (comm, part) -> {
            if (comm.rank() == 2) {
                throw new ArithmeticException("rank two divides by zero");
            }
            comm.barrier();
            return part;
        });
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, out::collect);
        assertRankTwoFailed(e);
        Exception count = assertThrows(Exception.class, out::count); // an action Spark runs: its error carries ours
        assertTrue(count.getMessage().contains("rank 2 of 4 failed: java.lang.ArithmeticException: rank two divides "
                + "by zero"), count.getMessage());
        assertRankTwoFailed(assertInstanceOf(MpiRankFailedException.class, count.getCause(), count.toString()));

        SparkSession spark = SparkSession.builder().sparkContext(jsc().sc()).getOrCreate();
        Dataset<String> ds = mpi().mapPartitions(spark.range(0, 8, 1, 4).as(Encoders.LONG()), Encoders.STRING(),
                (comm, part) -> {
                    if (comm.rank() == 2) {
                        throw new ArithmeticException("rank two divides by zero");
                    }
                    comm.barrier();
                    return List.of("ok").iterator();
                });
        Exception d = assertThrows(Exception.class, ds::collectAsList);
        assertRankTwoFailed(assertInstanceOf(MpiRankFailedException.class, d.getCause(), d.toString()));
    }

    private static void assertRankTwoFailed(MpiRankFailedException e) {
        assertEquals(2, e.failedRank(), e.getMessage());
        assertEquals(4, e.worldSize());
        assertTrue(e.getMessage().matches("rank 2 of 4 failed: java.lang.ArithmeticException: rank two divides by "
                + "zero \\(on host [\\w.:-]+, executor \\w+\\)"), e.getMessage());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals("rank two divides by zero", e.getCause().getMessage());
    }

    @Test
    void mapPartitionsOverCoalescedAndUnitedRddsKeepsEachPartitionAsARankInOrder() {
        JavaRDD<Integer> coalesced = jsc().parallelize(IntStream.range(0, 16).boxed().toList(), 8).coalesce(4);
        JavaRDD<Integer> united = jsc().parallelize(List.of(0, 1, 2, 3), 2).union(jsc().parallelize(List.of(4, 5, 6, 7), 2));
        for (JavaRDD<Integer> input : List.of(coalesced, united)) {
            List<List<Integer>> parts = input.glom().collect();
            String group = "lazy-" + input.id();
            jsc().setJobGroup(group, "no job before an action");
            JavaRDD<String> out = mpi().mapPartitions(input, (comm, part) -> {
                List<Integer> mine = new ArrayList<>();
                part.forEachRemaining(mine::add);
                long[] n = {mine.size()};
                comm.allreduce(n, n, Op.SUM);
                return List.of(comm.rank() + ":" + mine + ":" + n[0]).iterator();
            });
            assertEquals(0, jsc().statusTracker().getJobIdsForGroup(group).length, "mapPartitions ran a job");
            jsc().clearJobGroup();
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                expected.add(r + ":" + parts.get(r) + ":" + (input == coalesced ? 16 : 8));
            }
            assertEquals(expected, out.collect());
        }
    }

    @Test
    void mapPartitionsOverCoalescedAndUnitedDatasetsKeepsEachPartitionAsARank() {
        SparkSession spark = SparkSession.builder().sparkContext(jsc().sc()).getOrCreate();
        Dataset<Row> coalesced = spark.range(0, 16, 1, 8).toDF("x").coalesce(4);
        Dataset<Row> united = spark.range(0, 4, 1, 2).toDF("x").union(spark.range(4, 8, 1, 2).toDF("x"));
        for (Dataset<Row> input : List.of(coalesced, united)) {
            List<String> expected = input.javaRDD().glom().map(rows -> rows.stream().map(row -> row.getLong(0)).toList()
                    .toString()).collect();
            List<String> got = mpi().mapPartitions(input, Encoders.STRING(), (comm, rows) -> {
                List<Long> mine = new ArrayList<>();
                rows.forEachRemaining(row -> mine.add(row.getLong(0)));
                return List.of(comm.size() + ":" + mine).iterator();
            }).collectAsList();
            assertEquals(expected.stream().map(p -> "4:" + p).toList(), got);
        }
    }

    @Test
    void moreRanksThanSlotsSaysWhatTheApplicationHas() {
        MpiException e = assertThrows(MpiException.class, () -> mpi().withConf("spark.mpi.slots.waitTimeout", "1s")
                .run(5, comm -> 0));
        assertTrue(e.getMessage().startsWith(tooManyRanksMessage()), e.getMessage());
    }

    @Test
    void aNullFunctionFailsOnTheDriver() {
        assertEquals("run(2, null): the RankFunction is null",
                assertThrows(IllegalArgumentException.class, () -> mpi().run(2, null)).getMessage());
        assertEquals("runWithOutput(2, null): the RankFunction is null",
                assertThrows(IllegalArgumentException.class, () -> mpi().runWithOutput(2, null)).getMessage());
        assertEquals("mapPartitions(JavaRDD, SpmdFunction) needs both: the SpmdFunction is null",
                assertThrows(IllegalArgumentException.class, () -> mpi().mapPartitions(jsc().parallelize(List.of(1), 1),
                        null)).getMessage());
    }

    @Test
    void stagesAndSessionsFailNamingTheSessionsThatHoldEverySlot() {
        JavaMpiContext shortWait = mpi().withConf("spark.mpi.slots.waitTimeout", "1s");
        String holders = "open MPI sessions hold their ranks' slots until closed \\(px.close\\(\\)\\): mpi-session-\\d+ "
                + "\\(4 ranks\\)";
        try (MpiSession px = mpi().session(4)) {
            MpiException run = assertThrows(MpiException.class, () -> shortWait.run(2, comm -> 0));
            assertTrue(run.getMessage().matches("SPMD stage: needs 2 free task slots at once \\(one per rank\\) but only 0 "
                    + "of 4 were free after waiting 1000 ms \\(spark.mpi.slots.waitTimeout\\): " + holders), run.getMessage());
            MpiException map = assertThrows(MpiException.class, () -> shortWait.mapPartitions(
                    jsc().parallelize(List.of(1, 2), 2), (comm, p) -> p));
            assertTrue(map.getMessage().matches(".*" + holders), map.getMessage());
            MpiException session = assertThrows(MpiException.class, () -> shortWait.session(1));
            assertTrue(session.getMessage().matches(".*" + holders), session.getMessage());
            assertEquals(List.of(0, 1, 2, 3), px.run((comm, state) -> comm.rank()), "the open session still works");
        }
        assertEquals(List.of(0, 1), shortWait.run(2, comm -> comm.rank()), "closed, it holds no slot");
    }

    /** The op timeout's blame names the culprit's time in its own code and the waiter's call and limit, apart. */
    @Test
    void aTimeoutIsBlamedOnThePeerRunningItsOwnCodeWithBothDurationsToldApart() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi()
                .withOpTimeout(Duration.ofSeconds(1)).run(2, comm -> {
                    int[] v = new int[1];
                    if (comm.rank() == 0) {
                        comm.recv(v, 1, 0);
                    } else {
                        long until = System.nanoTime() + 3_000_000_000L; // past rank 0's op timeout, in no MPI call
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        comm.send(v, 0, 0);
                    }
                    return v[0];
                }));
        assertEquals(1, e.failedRank(), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*rank 1 has run its own code, outside any MPI call, for \\d+\\.\\d s while "
                + "rank 0 waited for it in recv\\(int\\[1\\], source=1, tag=0\\) longer than spark.mpi.op.timeout "
                + "\\(1 s\\).*"), e.getMessage());
    }

    @Test
    void timeoutsSetPerStageReachTheRanksAndTheWatchdog() {
        RankFunction<Integer> trap = comm -> {
            int[] got = new int[1];
            comm.recv(got, 1 - comm.rank(), 0); // both receive first
            return got[0];
        };
        MpiDeadlockException d = assertThrows(MpiDeadlockException.class,
                () -> mpi().withDeadlockTimeout(Duration.ofMillis(1500)).run(2, trap));
        assertTrue(d.getMessage().contains("none has moved for 1500 ms (spark.mpi.deadlock.timeout)"), d.getMessage());
        MpiRankFailedException t = assertThrows(MpiRankFailedException.class, () -> mpi() // no watchdog: a rank times out
                .withConf(Map.of("spark.mpi.deadlock.timeout", "none", "spark.mpi.op.timeout", "1s")).run(2, trap));
        assertInstanceOf(MpiTimeoutException.class, t.getCause(), t.toString());
        assertTrue(t.getMessage().contains(" ms (spark.mpi.op.timeout)"), t.getMessage());
        assertEquals(List.of(0, 1), mpi().run(2, comm -> comm.rank()), "the context itself is as it was");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> mpi().withConf("spark.mpi.deadlock.timeot", "1s"))
                .getMessage().startsWith("withConf: unknown setting spark.mpi.deadlock.timeot; the spark.mpi.* settings are ["));
        assertEquals("spark.mpi.deadlock.timeout must be a time of zero or more, or none, not -1s",
                assertThrows(IllegalArgumentException.class, () -> mpi().withConf("spark.mpi.deadlock.timeout", "-1s"))
                        .getMessage());
        assertEquals("withConf: a setting has no value: {spark.mpi.op.timeout=null}", assertThrows(
                IllegalArgumentException.class, () -> mpi().withConf("spark.mpi.op.timeout", null)).getMessage());
        assertEquals("withDeadlockTimeout: the timeout is null (Duration.ZERO: none)", assertThrows(
                IllegalArgumentException.class, () -> mpi().withDeadlockTimeout(null)).getMessage());
        assertEquals("spark.mpi.rendezvous.host is read once per SparkContext: set it in the SparkConf",
                assertThrows(IllegalArgumentException.class, () -> mpi().withConf("spark.mpi.rendezvous.host", "h"))
                        .getMessage());
    }

    @Test
    void waitAnyAndPollingLoopsOnReceivesNobodySendsAreADeadlockNamingTheirRequests() {
        // ranks 0 and 1 wait in waitAny, 2 and 3 poll testAny every millisecond: on local-cluster
        // some of them wait for ranks of the other executor JVM
        MpiDeadlockException d = assertThrows(MpiDeadlockException.class, () -> mpi()
                .withDeadlockTimeout(Duration.ofMillis(1500)).run(4, comm -> {
                    int from = (comm.rank() + 1) % 4;
                    Request[] reqs = {comm.irecv(new int[1], from, 0), comm.irecvObject(from, 1)};
                    if (comm.rank() < 2) {
                        return Request.waitAny(reqs);
                    }
                    while (Request.testAny(reqs).isEmpty()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                    return -1;
                }));
        for (int r = 0; r < 4; r++) {
            String requests = "(recv(int[1], source=" + (r + 1) % 4 + ", tag=0), irecvObject(source=" + (r + 1) % 4
                    + ", tag=1)) ";
            String expected = "rank " + r + (r < 2 ? " blocked in waitAny" : " polling testAny") + requests;
            assertTrue(d.calls().get(r).startsWith(expected), d.getMessage());
        }
    }

    @Test
    void anObjectMessageReceivedAsBytesFailsSayingSoAndIsKeptForRecvObject() {
        List<String> out = mpi().run(4, comm -> {
            int to = (comm.rank() + 1) % 4;
            int from = (comm.rank() + 3) % 4;
            comm.sendObject(List.of("from", comm.rank()), to, 5);
            String refused = failure(() -> comm.recv(new byte[256], from, 5));
            List<Object> kept = comm.recvObject(from, 5);
            return refused + " | " + kept;
        });
        for (int r = 0; r < 4; r++) {
            int from = (r + 3) % 4;
            assertTrue(out.get(r).contains("is an object message") && out.get(r).contains("recvObject")
                    && out.get(r).endsWith("| [from, " + from + "]"), out.get(r));
        }
    }

    @Test
    void aCollectiveCalledWithAnotherCountBlamesTheRankThatCalledDifferently() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi().run(4, comm -> {
            double[] v = new double[comm.rank() == 2 ? 3 : 2];
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, v, org.mpionspark.mpi.Op.SUM);
            return 0;
        }));
        assertEquals(2, e.failedRank(), e.getMessage());
        assertTrue(e.getMessage().contains("count 3") && e.getMessage().contains("count 2"), e.getMessage());
    }

    @Test
    void aCancelledReceiveTakesNoMessageAndTheNextReceiveGetsIt() {
        List<String> out = mpi().run(4, comm -> {
            int from = (comm.rank() + 1) % 4;
            int[] withdrawn = {-1};
            Request r = comm.irecv(withdrawn, from, 5);
            boolean cancelled = r.cancel();
            comm.barrier();
            comm.send(new int[] {100 + comm.rank()}, (comm.rank() + 3) % 4, 5);
            int[] got = new int[1];
            comm.recv(got, from, 5);
            return cancelled + " " + r.waitFor().cancelled() + " " + withdrawn[0] + " " + got[0];
        });
        assertEquals(List.of("true true -1 101", "true true -1 102", "true true -1 103", "true true -1 100"), out);
    }

    @Test
    void aSessionStartedWithItsOwnDeadlockTimeoutReportsItsDeadlocksSo() {
        SparkSession spark = SparkSession.builder().sparkContext(jsc().sc()).getOrCreate();
        try (MpiSession px = MpiSession.start(spark, 2, Map.of("spark.mpi.deadlock.timeout", "1500ms"))) {
            CellResult<Integer> r = px.runWithOutput((comm, state) -> {
                int[] got = new int[1];
                comm.recv(got, 1 - comm.rank(), 0);
                return got[0];
            });
            assertTrue(r.failed());
            assertTrue(r.session().contains("none has moved for 1500 ms (spark.mpi.deadlock.timeout)"), r.session());
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()), "fresh ranks run the next cell");
        }
    }
}
