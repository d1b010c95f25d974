package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interactive session on {@code local[4]}: variables kept between cells, grouped output,
 * targets, a rank's error, the deadlock trap, a timeout, a cancelled job group, bad input, and a
 * close that frees every rank thread and port.
 */
@Timeout(300)
class MpiSessionTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(SparkSessions.base("local[4]")
                .set("spark.mpi.deadlock.timeout", "1s")
                .set("spark.mpi.slots.waitTimeout", "10s"));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.stop();
    }

    @Test
    void variablesStayOnTheRanksBetweenCellsAndOutputIsGroupedByRank() {
        try (MpiSession px = mpi.session(3)) {
            CellResult<Integer> first = px.runWithOutput((comm, state) -> {
                state.put("x", new double[] {comm.rank(), comm.rank() * 10});
                System.out.println("hello from " + comm.rank() + " of " + comm.size());
                System.err.println("warn " + comm.rank());
                return comm.rank() * 2;
            });
            assertEquals(List.of(0, 2, 4), first.values());
            assertEquals("[stdout:0] hello from 0 of 3\n[stderr:0] warn 0\n[stdout:1] hello from 1 of 3\n"
                    + "[stderr:1] warn 1\n[stdout:2] hello from 2 of 3\n[stderr:2] warn 2\n", first.formatted());
            List<Double> sums = px.run((comm, state) -> {
                double[] x = state.get("x");
                double[] total = {x[0] + x[1]};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, total, org.mpionspark.mpi.Op.SUM);
                return total[0];
            });
            assertEquals(List.of(33.0, 33.0, 33.0), sums);
            CellResult<String> some = px.on(2, 0).runWithOutput((comm, state) -> "r" + comm.rank()
                    + state.get("x", double[].class).length);
            assertEquals(List.of(0, 2), some.ranks());
            assertEquals(List.of("r02", "r22"), some.values());
            assertEquals("r22", some.value(2));
        }
    }

    @Test
    void logLinesOfACellComeBackWithItsOutput() {
        try (MpiSession px = mpi.session(2)) {
            CellResult<Integer> r = px.runWithOutput((comm, state) -> {
                org.slf4j.LoggerFactory.getLogger("my.cell").warn("rank {} logs a warning", comm.rank());
                return comm.rank();
            });
            for (int rank = 0; rank < 2; rank++) {
                assertTrue(r.stderr().get(rank).matches("\\d\\d:\\d\\d:\\d\\d WARN cell: rank " + rank
                        + " logs a warning\n"), r.stderr().get(rank));
            }
        }
        // the driver's own log lines are not taken
        org.slf4j.LoggerFactory.getLogger("driver").warn("not a cell's");
    }

    @Test
    void aRanksErrorIsReportedAndTheSessionKeepsItsVariables() {
        try (MpiSession px = mpi.session(2)) {
            px.run((comm, state) -> state.put("n", comm.rank() + 40));
            CellFailedException e = assertThrows(CellFailedException.class, () -> px.run((comm, state) -> {
                System.out.println("before");
                return 10 / (comm.rank() - 1); // rank 1 divides by zero
            }));
            assertEquals("the cell failed on rank 1:\n  rank 1: java.lang.ArithmeticException: / by zero",
                    e.getMessage());
            assertEquals("[stdout:0] before\n[stdout:1] before\n[error:1] java.lang.ArithmeticException: / by zero\n",
                    e.result().formatted());
            assertEquals(List.of(40, 41), px.run((comm, state) -> state.<Integer>get("n")));
            // a missing variable names what the rank has
            CellResult<Object> missing = px.runWithOutput((comm, state) -> state.get("y"));
            assertTrue(missing.errors().get(0).contains("rank 0 has no variable 'y' (it has [n])"), missing.errors().get(0));
        }
    }

    @Test
    void ranksLeftWaitingForAFailedRankAreADeadlockNamingTheFailedRanksError() {
        try (MpiSession px = mpi.session(2)) {
            CellResult<Object> r = px.runWithOutput((comm, state) -> {
                if (comm.rank() == 1) {
                    throw new IllegalStateException("rank 1 gives up");
                }
                comm.recv(new int[1], 1, 0); // waits for rank 1, which has left its cell
                return 0;
            });
            assertEquals("java.lang.IllegalStateException: rank 1 gives up", r.errors().get(1));
            assertTrue(r.errors().get(0).startsWith("org.mpionspark.mpi.MpiAbortedException: rank 0 in recv(int[1], "
                    + "source=1, tag=0) (peer rank 1): aborted with its world"), r.errors().get(0));
            assertTrue(r.session().contains("rank 0 blocked in recv(int[1], source=1, tag=0)"), r.session());
            assertTrue(r.session().contains("rank 1 blocked in barrier()"), r.session());
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()));
        }
    }

    @Test
    void theDeadlockTrapIsReportedWithEachRanksCallAndTheSessionRestarts() {
        try (MpiSession px = mpi.session(2)) {
            px.run((comm, state) -> state.put("kept", true));
            CellResult<Object> r = px.runWithOutput((comm, state) -> {
                int[] buf = new int[1];
                comm.recv(buf, 1 - comm.rank(), 0); // both receive first
                return buf[0];
            });
            assertTrue(r.failed());
            assertTrue(r.session().startsWith("the world failed: deadlock: every rank waits in an MPI call"), r.session());
            assertTrue(r.session().contains("rank 0 blocked in recv(int[1], source=1, tag=0)"), r.session());
            assertTrue(r.session().contains("rank 1 blocked in recv(int[1], source=0, tag=0)"), r.session());
            assertTrue(r.session().endsWith("the session restarted its 2 ranks: every rank variable was lost"),
                    r.session());
            assertTrue(r.errors().get(0).contains("recv"), r.errors().get(0));
            // fresh ranks: usable, and their variables are gone
            assertEquals(List.of(false, false), px.run((comm, state) -> state.contains("kept")));
            assertEquals(List.of(1, 0), px.run((comm, state) -> {
                int[] out = {comm.rank()};
                int[] in = new int[1];
                comm.sendrecv(out, 1 - comm.rank(), 0, in, 1 - comm.rank(), 0);
                return in[0];
            }));
        }
    }

    @Test
    void aCellThatRunsPastItsTimeoutIsStoppedNamingEachRanksCall() {
        try (MpiSession px = mpi.session(2).cellTimeout(java.time.Duration.ofSeconds(2))) {
            CellResult<Object> r = px.runWithOutput((comm, state) -> {
                if (comm.rank() == 1) {
                    runsUntilInterrupted(); // its own code: no deadlock for the watchdog
                }
                comm.recv(new int[1], 1, 0);
                return 0;
            });
            assertTrue(r.session().startsWith("the cell ran past its timeout of 2000 ms (spark.mpi.session.cellTimeout); "
                    + "the session restarted its 2 ranks"), r.session());
            assertTrue(r.errors().get(0).startsWith("org.mpionspark.mpi.MpiAbortedException: rank 0 in recv(int[1], "
                    + "source=1, tag=0)"), r.errors().get(0));
            assertTrue(r.errors().get(1).startsWith("java.lang.InterruptedException"), r.errors().get(1));
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()));
        }
    }

    @Test
    void cancellingTheCallersJobGroupStopsTheCell() throws Exception {
        try (MpiSession px = mpi.session(2)) {
            CompletableFuture<CellResult<Object>> cell = CompletableFuture.supplyAsync(() -> {
                jsc.setJobGroup("paragraph-1", "a notebook paragraph", true);
                return px.runWithOutput((comm, state) -> {
                    if (comm.rank() == 0) {
                        System.out.println("waiting");
                        runsUntilInterrupted();
                    }
                    return comm.rank();
                });
            });
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (jsc.statusTracker().getJobIdsForGroup("paragraph-1").length == 0) {
                assertTrue(System.nanoTime() < deadline, "the cell's job never started");
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
            jsc.cancelJobGroup("paragraph-1");
            CellResult<Object> r = cell.get();
            assertTrue(r.session().startsWith("the cell was cancelled (its Spark job group was cancelled)"), r.session());
            assertEquals("waiting\n", r.stdout().get(0));
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()));
        }
    }

    @Test
    void badInputIsRefusedAndLosesNothing() {
        try (MpiSession px = mpi.session(2)) {
            px.run((comm, state) -> state.put("v", 7));
            assertThrows(IllegalArgumentException.class, () -> px.on(2));
            assertThrows(IllegalArgumentException.class, () -> px.on(1, 1));
            Object notSerializable = new Object();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> px.run((comm, state) -> notSerializable.hashCode()));
            assertTrue(e.getMessage().startsWith("the cell cannot be sent to the ranks"), e.getMessage());
            assertEquals(List.of(7, 7), px.run((comm, state) -> state.<Integer>get("v")));
        }
        assertThrows(IllegalArgumentException.class, () -> mpi.session(0));
    }

    @Test
    void closingTheSessionFreesEveryRankThreadAndPort() {
        MpiSession px = mpi.session(4);
        assertEquals(List.of(4, 4, 4, 4), px.run((comm, state) -> comm.size()));
        px.close();
        px.close(); // twice is fine
        assertEquals(List.of(), ThreadCheck.mpiThreadsAfter(10));
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("mpi-session-")).toList());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> px.run((comm, state) -> 0));
        assertEquals("this MPI session is closed; start another with MpiSession.start", e.getMessage());
        // its slots are free again: a one-shot stage of 4 ranks runs
        assertEquals(List.of(0, 1, 2, 3), mpi.run(4, comm -> comm.rank()));
    }

    /**
     * A rank's own code that never ends by itself (bounded at an hour): only the session's
     * timeout or cancellation, by interrupting the rank, ends it, with an {@link InterruptedException}.
     */
    private static void runsUntilInterrupted() throws InterruptedException {
        new java.util.concurrent.CountDownLatch(1).await(1, java.util.concurrent.TimeUnit.HOURS);
    }
}
