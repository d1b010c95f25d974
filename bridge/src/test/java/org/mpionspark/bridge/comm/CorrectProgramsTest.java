package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiTimeoutException;

/**
 * A correct program never fails for being slow, and a wrong one is blamed on the right rank: the
 * end of a rank waits for its peers without an operation timeout, and a timeout points at the
 * rank that keeps the others waiting.
 */
@Timeout(120)
class CorrectProgramsTest {

    private static void compute(long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aRootThatPostProcessesLongerThanTheOpTimeoutAfterAGatherDoesNotFailTheOthers() throws Exception {
        RankOptions shortTimeout = RankOptions.DEFAULTS.withOpTimeoutMillis(300);
        List<Integer> out = ThreadWorld.values(ThreadWorld.run(3, shortTimeout, comm -> {
            int[] all = new int[3];
            comm.gather(new int[] {comm.rank() * 10}, all, 0);
            if (comm.rank() == 0) {
                compute(1_200); // four op timeouts, after the last MPI call: the others wait at their end
            }
            return all[0] + all[1] + all[2];
        }));
        assertEquals(List.of(30, 0, 0), out);
    }

    @Test
    void aTimeoutIsBlamedOnTheRankRunningItsOwnCodeNotOnTheOneThatTimedOut() throws Exception {
        RankOptions shortTimeout = RankOptions.DEFAULTS.withOpTimeoutMillis(800);
        ThreadWorld.Result<Integer> out = ThreadWorld.run(4, shortTimeout, 0, comm -> {
            if (comm.rank() == 1) {
                compute(3_000); // the others time out waiting for it in the barrier
            }
            comm.barrier();
            return 0;
        });
        WorldFailure f = out.failure().orElseThrow();
        assertEquals(1, f.rank(), f.message());
        assertTrue(f.message().matches("rank 1 has run its own code, outside any MPI call, for \\d+\\.\\d s while rank "
                + "[023] waited for it in barrier\\(\\)[^;]* longer than spark.mpi.op.timeout \\(800 ms\\); the others: .*"),
                f.message());
        assertInstanceOf(MpiTimeoutException.class, f.error());
        MpiException rank1 = assertInstanceOf(MpiException.class, out.outcomes().get(1).error());
        assertTrue(rank1.getMessage().contains("rank 1 has run its own code, outside any MPI call"), rank1.getMessage());
        assertEquals(List.of(), RankThreads.alive());
    }

    /** The blame tells the two durations apart: how long the culprit ran its own code, and the limit the waiter passed. */
    @Test
    void aTimeoutBlameSaysWhoRanItsOwnCodeAndWhoWaitedInWhichCallPastWhichLimit() throws Exception {
        RankOptions shortTimeout = RankOptions.DEFAULTS.withOpTimeoutMillis(2_000);
        for (ThreadWorld.Placement placement : ThreadWorld.Placement.values()) {
            ThreadWorld.Result<Integer> out = ThreadWorld.run(2, placement, shortTimeout, 0, comm -> {
                int[] v = new int[1];
                if (comm.rank() == 0) {
                    comm.recv(v, 1, 0);
                } else {
                    compute(5_000); // past rank 0's op timeout, in no MPI call
                    comm.send(v, 0, 0);
                }
                return v[0];
            });
            WorldFailure f = out.failure().orElseThrow();
            assertEquals(1, f.rank(), placement + ": " + f.message());
            assertTrue(f.message().matches("rank 1 has run its own code, outside any MPI call, for \\d+\\.\\d s while "
                    + "rank 0 waited for it in recv\\(int\\[1\\], source=1, tag=0\\) longer than spark.mpi.op.timeout "
                    + "\\(2 s\\)"), placement + ": " + f.message());
            MpiTimeoutException cause = assertInstanceOf(MpiTimeoutException.class, f.error());
            assertEquals(2_000, cause.timeoutMillis());
            assertEquals(List.of(), RankThreads.alive());
        }
    }

    @Test
    void ranksThatDisagreeOnTheRootOfABcastAreToldAtTheLatestWhenTheyEnd() throws Exception {
        for (ThreadWorld.Placement placement : ThreadWorld.Placement.values()) {
            // each rank thinks it is the root: both only send, and neither would ever wait
            ThreadWorld.Result<Integer> out = ThreadWorld.run(2, placement, RankOptions.DEFAULTS, 0, comm -> {
                comm.bcast(new int[] {7}, comm.rank());
                return 0;
            });
            WorldFailure f = out.failure().orElseThrow();
            String expected = placement == ThreadWorld.Placement.ONE_JVM
                    // ranks of one JVM meet in memory at the bcast itself, and compare their calls there
                    ? "mismatched collective: rank " + (1 - f.rank()) + " called a different collective, or the same "
                        + "one with other arguments (count, root or op): it called bcast(int[], root=" + (1 - f.rank())
                        + ") with count 1 where this rank calls bcast(int[], root=" + f.rank() + ") with count 1"
                    : "in end of rank (the barrier after its function returned)";
            assertTrue(f.message().contains(expected), placement + ": " + f.message());
            if (placement != ThreadWorld.Placement.ONE_JVM) {
                assertTrue(f.message().contains("mismatched collective: rank " + (1 - f.rank()) + " sent a message for "
                        + "its collective call #0 that this rank never received: the ranks disagreed on the root"),
                        placement + ": " + f.message());
            }
        }
    }

    @Test
    void ranksThatDisagreeOnTheRootAreToldWithinASecondWhenOneWaits() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(4, RankOptions.DEFAULTS, 0, comm -> {
            comm.bcast(new int[1], comm.rank() == 0 ? 0 : 1); // rank 0 alone says root 0
            return 0;
        });
        String message = out.failure().orElseThrow().message();
        assertTrue(message.contains("mismatched collective"), message);
    }

    @Test
    void aRankThatReturnsWhileItsPeerIsInACollectiveIsNamedAsSuch() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, RankOptions.DEFAULTS, 0, comm -> {
            if (comm.rank() == 1) {
                comm.bcast(new int[3], 0); // rank 0 returns without the bcast
            }
            return 0;
        });
        String both = out.outcomes().get(0).error() + " / " + out.outcomes().get(1).error();
        assertTrue(both.contains("rank 1 in bcast(int[], root=0) receiving from rank 0 (peer rank 0): mismatched "
                + "collective: rank 0 has returned from its function and waits at the end of the stage")
                || both.contains("rank 0 in end of rank (the barrier after its function returned)"), both);
        assertTrue(out.failure().orElseThrow().message().contains("mismatched collective"),
                out.failure().orElseThrow().message());
    }
}
