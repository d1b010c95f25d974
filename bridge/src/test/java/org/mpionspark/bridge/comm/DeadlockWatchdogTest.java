package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiDeadlockException;

/**
 * The driver's watchdog fails a world within seconds when every rank waits in an MPI call that
 * cannot progress, naming each rank's call, long before the operation timeout; and it leaves
 * slow but correct programs alone.
 */
@Timeout(120)
class DeadlockWatchdogTest {

    /** Ten minutes: a failure within seconds can only come from the watchdog. */
    private static final RankOptions NO_EARLY_TIMEOUT = RankOptions.DEFAULTS;

    @Test
    void theCoursesTrapBothRanksReceiveFirstIsReportedWithEachCall() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, NO_EARLY_TIMEOUT, 1_000, comm -> {
            int other = 1 - comm.rank();
            int[] got = new int[1];
            comm.recv(got, other, 0); // both wait: neither sends
            comm.send(new int[] {comm.rank()}, other, 0);
            return got[0];
        });
        WorldFailure f = out.failure().orElseThrow();
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, f.error());
        assertEquals(2, d.calls().size());
        assertTrue(d.calls().get(0).startsWith("rank 0 blocked in recv(int[1], source=1, tag=0) for "), d.calls().get(0));
        assertTrue(d.calls().get(1).startsWith("rank 1 blocked in recv(int[1], source=0, tag=0) for "), d.calls().get(1));
        assertTrue(d.getMessage().startsWith("deadlock: every rank waits in an MPI call and none has moved for 1000 ms"),
                d.getMessage());
        for (int r = 0; r < 2; r++) {
            MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.outcomes().get(r).error());
            assertEquals(-1, e.failedRank());
            assertTrue(e.getMessage().contains("deadlock") && e.getMessage().contains("recv(int[1], source=" + (1 - r)),
                    e.getMessage());
        }
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void largeSendsToEachOtherCompleteSinceAWaitingSendServesArrivingMessages() throws Exception {
        // the course's other trap: above MPJ's eager limit a send waits for its receive; a rank
        // waiting in a send still takes arriving messages into its unexpected queue, so both end
        ThreadWorld.Result<Double> out = ThreadWorld.run(2, NO_EARLY_TIMEOUT, 1_000, comm -> {
            double[] big = new double[1 << 20];
            java.util.Arrays.fill(big, comm.rank() + 1);
            comm.send(big, 1 - comm.rank(), 7);
            comm.recv(big, 1 - comm.rank(), 7);
            return big[big.length - 1];
        });
        assertEquals(List.of(2.0, 1.0), ThreadWorld.values(out.outcomes()));
        assertTrue(out.failure().isEmpty(), () -> out.failure().toString());
    }

    @Test
    void aRankThatReturnsWhileAPeerWaitsForItsMessageIsADeadlockAtTheEnd() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(3, NO_EARLY_TIMEOUT, 1_000, comm -> {
            if (comm.rank() == 2) {
                comm.recv(new long[4], 0, 3); // rank 0 never sends
            }
            return comm.rank();
        });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        assertTrue(d.calls().get(0).startsWith("rank 0 blocked in end of rank"), d.getMessage());
        assertTrue(d.calls().get(2).startsWith("rank 2 blocked in recv(long[4], source=0, tag=3)"), d.getMessage());
    }

    @Test
    void withNoOpTimeoutTheWatchdogStillEndsADeadlock() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, RankOptions.DEFAULTS.withOpTimeoutMillis(0), 500, comm -> {
            comm.recv(new byte[1], 1 - comm.rank(), 4);
            return 0;
        });
        MpiDeadlockException d = assertInstanceOf(MpiDeadlockException.class, out.failure().orElseThrow().error());
        assertTrue(d.calls().get(1).startsWith("rank 1 blocked in recv(byte[1], source=0, tag=4)"), d.getMessage());
    }

    @Test
    void aHugeOpTimeoutDoesNotOverflowIntoAnImmediateOne() throws Exception {
        long millionDays = 86_400_000_000_000L; // spark.mpi.op.timeout=1000000d
        List<Integer> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS.withOpTimeoutMillis(millionDays),
                0, comm -> {
                    int[] v = {comm.rank()};
                    if (comm.rank() == 0) {
                        long until = System.nanoTime() + 300_000_000L; // rank 1 waits 0.3 s in recv
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        comm.send(new int[] {42}, 1, 0);
                    } else {
                        comm.recv(v, 0, 0);
                    }
                    return v[0];
                }).outcomes());
        assertEquals(List.of(0, 42), out);
    }

    @Test
    void aRankComputingWhileTheOthersWaitIsNoDeadlock() throws Exception {
        ThreadWorld.Result<Double> out = ThreadWorld.run(3, NO_EARLY_TIMEOUT, 300, comm -> {
            double[] v = {comm.rank() + 1};
            if (comm.rank() == 1) {
                long until = System.nanoTime() + 1_500_000_000L; // five watchdog periods, in its own code
                double x = 0;
                while (System.nanoTime() < until) {
                    x += Math.sqrt(x + 1);
                }
                v[0] += x * 0; // keeps the loop
            }
            comm.allreduce(v, v, org.mpionspark.mpi.Op.SUM);
            return v[0];
        });
        assertEquals(List.of(6.0, 6.0, 6.0), ThreadWorld.values(out.outcomes()));
        assertTrue(out.failure().isEmpty(), () -> out.failure().toString());
    }

    @Test
    void aLongTransferWhileEveryoneElseWaitsIsNoDeadlock() throws Exception {
        // 64 MB to each of 3 ranks, one after the other, from rank 0: the receivers wait long, bytes move
        int n = 8 << 20;
        ThreadWorld.Result<double[]> out = ThreadWorld.run(4, NO_EARLY_TIMEOUT, 500, comm -> {
            double[] v = new double[n];
            if (comm.rank() == 0) {
                java.util.Arrays.fill(v, 2.5);
            }
            comm.bcast(v, 0);
            return new double[] {v[0], v[n - 1]};
        });
        for (double[] r : ThreadWorld.values(out.outcomes())) {
            assertArrayEquals(new double[] {2.5, 2.5}, r);
        }
        assertNull(out.failure().orElse(null));
    }
}
