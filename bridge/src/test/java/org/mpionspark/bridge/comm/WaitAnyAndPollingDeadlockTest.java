package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.MpiTimeoutException;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * {@code Request.waitAny} and {@code waitSome} are watched as one blocking call, as {@code waitAll}
 * is; a rank whose own code only polls requests that never complete ({@code test}, {@code testAny},
 * {@code iprobe} in a loop) counts as waiting too; and a rank computing between its polls never does.
 */
@Timeout(120)
class WaitAnyAndPollingDeadlockTest {

    /** Ten minutes: a failure within seconds can only come from the watchdog. */
    private static final RankOptions NO_EARLY_TIMEOUT = RankOptions.DEFAULTS;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void bothRanksInWaitAnyOnReceivesNobodySendsIsADeadlockNamingWaitAnyAndItsRequests(ThreadWorld.Placement placement)
            throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, placement, NO_EARLY_TIMEOUT, 1_000, comm -> {
            int other = 1 - comm.rank();
            Request a = comm.irecv(new int[1], other, 0);
            Request b = comm.irecv(new double[2], other, 1);
            return Request.waitAny(a, b);
        });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        for (int r = 0; r < 2; r++) {
            String expected = "rank " + r + " blocked in waitAny(recv(int[1], source=" + (1 - r) + ", tag=0), "
                    + "recv(double[2], source=" + (1 - r) + ", tag=1)) for ";
            assertTrue(d.calls().get(r).startsWith(expected), d.calls().get(r));
            MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.outcomes().get(r).error());
            assertTrue(e.getMessage().startsWith("rank " + r + " in waitAny(recv(int[1]"), e.getMessage());
        }
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void waitSomeBesideABlockedRecvIsADeadlockNamingEachCall() throws Exception {
        ThreadWorld.Result<int[]> out = ThreadWorld.run(3, ThreadWorld.Placement.INTERLEAVED, NO_EARLY_TIMEOUT, 1_000,
                comm -> {
                    if (comm.rank() == 2) {
                        comm.recv(new long[1], 0, 9);
                        return null;
                    }
                    return Request.waitSome(List.of(comm.irecv(new int[1], 2, 3), comm.irecvObject(2, 4)));
                });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        for (int r = 0; r < 2; r++) {
            assertTrue(d.calls().get(r).startsWith("rank " + r + " blocked in waitSome(recv(int[1], source=2, tag=3), "
                    + "irecvObject(source=2, tag=4)) for "), d.calls().get(r));
        }
        assertTrue(d.calls().get(2).startsWith("rank 2 blocked in recv(long[1], source=0, tag=9) for "), d.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void bothRanksPollingTestAnyOnReceivesNobodySendsIsADeadlockNamingThePolledRequests(
            ThreadWorld.Placement placement) throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, placement, NO_EARLY_TIMEOUT, 1_000, comm -> {
            int other = 1 - comm.rank();
            Request[] reqs = {comm.irecv(new int[1], other, 0), comm.irecv(new int[1], other, 1)};
            while (true) {
                java.util.OptionalInt done = Request.testAny(reqs);
                if (done.isPresent()) {
                    return done.getAsInt();
                }
                LockSupport.parkNanos(1_000_000); // the loop: a poll every millisecond
            }
        });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        for (int r = 0; r < 2; r++) {
            String expected = "rank " + r + " polling testAny(recv(int[1], source=" + (1 - r) + ", tag=0), "
                    + "recv(int[1], source=" + (1 - r) + ", tag=1)) in vain for ";
            assertTrue(d.calls().get(r).startsWith(expected), d.calls().get(r));
            assertInstanceOf(MpiAbortedException.class, out.outcomes().get(r).error());
        }
    }

    @Test
    void aSpinningTestLoopAndAYieldingIprobeLoopBesideABlockedRankAreADeadlock() throws Exception {
        ThreadWorld.Result<Status> out = ThreadWorld.run(3, ThreadWorld.Placement.INTERLEAVED, NO_EARLY_TIMEOUT, 1_000,
                comm -> {
                    if (comm.rank() == 0) {
                        Request r = comm.irecv(new int[1], 1, 7);
                        Optional<Status> s;
                        do {
                            s = r.test(); // nothing at all between polls
                        } while (s.isEmpty());
                        return s.get();
                    }
                    if (comm.rank() == 1) {
                        Optional<Status> s;
                        do {
                            Thread.yield();
                            s = comm.iprobe(Communicator.ANY_SOURCE, 5);
                        } while (s.isEmpty());
                        return s.get();
                    }
                    return comm.recv(new byte[1], 0, 2);
                });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        assertTrue(d.calls().get(0).startsWith("rank 0 polling test(recv(int[1], source=1, tag=7)) in vain for "),
                d.getMessage());
        assertTrue(d.calls().get(1).startsWith("rank 1 polling iprobe(source=-1, tag=5) in vain for "), d.getMessage());
        assertTrue(d.calls().get(2).startsWith("rank 2 blocked in recv(byte[1], source=0, tag=2) for "), d.getMessage());
    }

    @Test
    void aRankComputingBetweenPollsWhileTheOtherWaitsForItIsNoDeadlock() throws Exception {
        // rank 0 overlaps 2 s of work (3 watchdog limits) with polls of a receive that only a cancel
        // ends; rank 1 waits for its result all along
        ThreadWorld.Result<Double> out = ThreadWorld.run(2, NO_EARLY_TIMEOUT, 600, comm -> {
            if (comm.rank() == 1) {
                double[] got = new double[1];
                comm.recv(got, 0, 1);
                return got[0];
            }
            Request control = comm.irecv(new int[1], 1, 2); // rank 1 never sends it
            long until = System.nanoTime() + 2_000_000_000L;
            double x = 0;
            while (System.nanoTime() < until) {
                for (int i = 0; i < 20_000; i++) { // well over 50 µs of CPU between polls
                    x += Math.sqrt(x + i);
                }
                assertTrue(control.test().isEmpty());
            }
            assertTrue(control.cancel());
            comm.send(new double[] {x > 0 ? 1.5 : 0}, 1, 1);
            return 1.5;
        });
        assertTrue(out.failure().isEmpty(), () -> out.failure().toString());
        assertEquals(List.of(1.5, 1.5), ThreadWorld.values(out.outcomes()));
    }

    @Test
    void aRankPollingWhileTheOtherComputesIsNoDeadlockAndGetsItsValue() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, NO_EARLY_TIMEOUT, 500, comm -> {
            int[] v = new int[1];
            if (comm.rank() == 0) {
                long until = System.nanoTime() + 1_500_000_000L; // three watchdog limits in its own code
                double x = 0;
                while (System.nanoTime() < until) {
                    x += Math.sqrt(x + 1);
                }
                comm.send(new int[] {x > 0 ? 42 : 0}, 1, 0);
                return 0;
            }
            Request r = comm.irecv(v, 0, 0);
            while (r.test().isEmpty()) {
                LockSupport.parkNanos(1_000_000);
            }
            return v[0];
        });
        assertTrue(out.failure().isEmpty(), () -> out.failure().toString());
        assertEquals(List.of(0, 42), ThreadWorld.values(out.outcomes()));
    }

    @Test
    void pollingTestAllWhileOneOfItsRequestsCanNeverCompleteIsADeadlock() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, ThreadWorld.Placement.EACH_APART, NO_EARLY_TIMEOUT, 1_000,
                comm -> {
                    if (comm.rank() == 1) {
                        comm.send(new int[] {5}, 0, 0);
                        comm.recv(new int[1], 0, 9); // rank 0 sends it only once testAll completes
                        return 0;
                    }
                    Request[] reqs = {comm.irecv(new int[1], 1, 0), comm.irecv(new int[1], 1, 1)};
                    while (Request.testAll(reqs).isEmpty()) {
                        LockSupport.parkNanos(1_000_000);
                    }
                    comm.send(new int[1], 1, 9);
                    return 0;
                });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        assertTrue(d.calls().get(0).startsWith("rank 0 polling testAll(recv(int[1], source=1, tag=0), "
                + "recv(int[1], source=1, tag=1)) in vain for "), d.getMessage());
        assertTrue(d.calls().get(1).startsWith("rank 1 blocked in recv(int[1], source=0, tag=9) for "), d.getMessage());
    }

    @Test
    void waitAnyEndsOnAnAbortNamingItself() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, NO_EARLY_TIMEOUT, 0, comm -> {
            if (comm.rank() == 1) {
                comm.recv(new int[1], 0, 8); // rank 0 has sent it: it is in waitAny, or its next call is
                comm.abort(3);
            }
            Request a = comm.irecv(new int[1], 1, 0);
            comm.isend(new int[1], 1, 8); // isend: no call of rank 0 checks for the abort until waitAny
            return Request.waitAny(a);
        });
        MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.outcomes().get(0).error());
        assertEquals(1, e.failedRank());
        assertTrue(e.getMessage().startsWith("rank 0 in waitAny(recv(int[1], source=1, tag=0)): "), e.getMessage());
    }

    @Test
    void waitAnyIsBoundedByTheOpTimeoutWithNoWatchdog() throws Exception {
        // rank 1 returns at once: the barrier that ends a rank has no op timeout, so rank 0 times out
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, RankOptions.DEFAULTS.withOpTimeoutMillis(500), 0, comm ->
                comm.rank() == 1 ? -1 : Request.waitAny(comm.irecv(new int[1], 1, 0), comm.irecvObject(1, 1)));
        MpiTimeoutException t = assertInstanceOf(MpiTimeoutException.class, out.outcomes().get(0).error());
        assertTrue(t.getMessage().startsWith("rank 0 in waitAny(recv(int[1], source=1, tag=0), "
                + "irecvObject(source=1, tag=1)): no answer after "), t.getMessage());
    }
}
