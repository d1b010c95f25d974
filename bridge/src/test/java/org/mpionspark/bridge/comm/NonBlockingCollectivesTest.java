package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Request;

/**
 * ibarrier, ibcast and iallreduce complete beside the rank's own work (point-to-point included),
 * give the values their blocking forms give, and never look like a deadlock while ranks compute.
 */
@Timeout(120)
class NonBlockingCollectivesTest {

    @Test
    void anIbarrierIsNotCompleteUntilTheLastRankStartsIt() throws Exception {
        CompletableFuture<Boolean> seenIncomplete = new CompletableFuture<>();
        List<String> out = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 2) { // starts only once rank 0 has seen its ibarrier incomplete
                seenIncomplete.orTimeout(30, TimeUnit.SECONDS).join();
            }
            Request r = comm.ibarrier();
            if (comm.rank() == 0) {
                seenIncomplete.complete(r.test().isEmpty());
            }
            r.waitFor();
            return "done";
        }));
        assertEquals(List.of("done", "done", "done"), out);
        assertTrue(seenIncomplete.get());
    }

    /** MPI orders non-blocking collectives per communicator only: two communicators may be started in either order. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void collectivesOfTwoCommunicatorsStartedInDifferentOrdersComplete(ThreadWorld.Placement placement)
            throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(4, placement, RankOptions.DEFAULTS, world -> {
            Communicator lib = world.dup(); // a library's own communicator over the same ranks
            long[] libSum = {world.rank()};
            long[] worldSum = {world.rank()};
            List<Request> started = new java.util.ArrayList<>();
            if (world.rank() % 2 == 0) {
                started.add(lib.ibarrier());
                started.add(lib.iallreduce(Communicator.IN_PLACE, libSum, Op.SUM));
                started.add(world.iallreduce(Communicator.IN_PLACE, worldSum, Op.SUM));
            } else {
                started.add(world.iallreduce(Communicator.IN_PLACE, worldSum, Op.SUM));
                started.add(lib.ibarrier());
                started.add(lib.iallreduce(Communicator.IN_PLACE, libSum, Op.SUM));
            }
            Request.waitAll(started);
            return libSum[0] + " " + worldSum[0];
        }));
        assertEquals(List.of("6 6", "6 6", "6 6", "6 6"), out);
    }

    /** Every non-blocking collective, all started before any completes, gives its blocking form's values. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART", "MIXED"})
    void everyNonBlockingCollectiveGivesTheValuesOfItsBlockingForm(ThreadWorld.Placement placement) throws Exception {
        int p = 3;
        List<String> out = ThreadWorld.values(ThreadWorld.run(p, placement, RankOptions.DEFAULTS, comm -> {
            int r = comm.rank();
            long[] mine = {r + 1, 10L * (r + 1)};
            long[] reduced = new long[2];
            long[] scanned = new long[2];
            long[] exscanned = new long[2];
            int[] part = new int[1];
            int[] gathered = new int[p];
            int[] gatheredV = new int[p + 1];
            int[] all = new int[p];
            int[] allV = new int[2 * p];
            int[] exchanged = new int[p];
            long[] scatteredSum = new long[1];
            double[] slice = {0, 0, r == 1 ? 7.5 : 0, 0};
            List<Request> started = List.of(
                    comm.ireduce(mine, r == 2 ? reduced : null, Op.SUM, 2),
                    comm.iscan(mine, scanned, Op.SUM),
                    comm.iexscan(mine, exscanned, Op.SUM),
                    comm.iscatter(r == 0 ? new int[] {100, 101, 102} : null, part, 0),
                    comm.igather(new int[] {r * r}, r == 1 ? gathered : null, 1),
                    comm.igatherv(new int[] {r, r}, 0, r == 0 ? 2 : 1, r == 0 ? gatheredV : null,
                            new int[] {2, 1, 1}, new int[] {0, 2, 3}, 0),
                    comm.iallgather(new int[] {r + 5}, all),
                    comm.iallgatherv(new int[] {r, r}, 0, 2, allV, new int[] {2, 2, 2}, new int[] {0, 2, 4}),
                    comm.ialltoall(new int[] {10 * r, 10 * r + 1, 10 * r + 2}, exchanged),
                    comm.ireduceScatter(new long[] {r, r, r}, scatteredSum, new int[] {1, 1, 1}, Op.SUM),
                    comm.ibcast(slice, 2, 1, 1));
            Request.waitAll(started);
            return (r == 2 ? Arrays.toString(reduced) : "-") + " " + Arrays.toString(scanned) + " "
                    + (r == 0 ? "-" : Arrays.toString(exscanned)) + " " + part[0] + " "
                    + (r == 1 ? Arrays.toString(gathered) : "-") + " " + (r == 0 ? Arrays.toString(gatheredV) : "-")
                    + " " + Arrays.toString(all) + " " + Arrays.toString(allV) + " " + Arrays.toString(exchanged)
                    + " " + scatteredSum[0] + " " + slice[2];
        }));
        assertEquals(List.of(
                "- [1, 10] - 100 - [0, 0, 1, 2] [5, 6, 7] [0, 0, 1, 1, 2, 2] [0, 10, 20] 3 7.5",
                "- [3, 30] [1, 10] 101 [0, 1, 4] - [5, 6, 7] [0, 0, 1, 1, 2, 2] [1, 11, 21] 3 7.5",
                "[6, 60] [6, 60] [3, 30] 102 - - [5, 6, 7] [0, 0, 1, 1, 2, 2] [2, 12, 22] 3 7.5"), out);
    }

    @Test
    void iallreduceAndIbcastOverlapPointToPointAndGiveTheBlockingValues() throws Exception {
        int n = 1 << 18;
        List<String> out = ThreadWorld.values(ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            double[] v = new double[n];
            Arrays.fill(v, comm.rank() + 1);
            double[] sum = new double[n];
            Request reduce = comm.iallreduce(v, sum, Op.SUM);
            long[] root = comm.rank() == 1 ? new long[] {7, 8, 9} : new long[3];
            Request bcast = comm.ibcast(root, 1);
            int[] left = new int[1]; // the rank's own work meanwhile: a ring on the user channel
            comm.sendrecv(new int[] {comm.rank()}, (comm.rank() + 1) % 4, 0, left, (comm.rank() + 3) % 4, 0);
            Request.waitAll(reduce, bcast);
            return sum[0] + "," + sum[n - 1] + "|" + Arrays.toString(root) + "|" + left[0];
        }));
        for (int r = 0; r < 4; r++) {
            assertEquals("10.0,10.0|[7, 8, 9]|" + (r + 3) % 4, out.get(r));
        }
    }

    @Test
    void ranksComputingWithAnIbarrierPendingAreNoDeadlock() throws Exception {
        ThreadWorld.Result<String> out = ThreadWorld.run(2, RankOptions.DEFAULTS, 300, comm -> {
            Request r = comm.rank() == 0 ? comm.ibarrier() : null;
            long until = System.nanoTime() + 1_200_000_000L; // four watchdog periods, in their own code
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            (r == null ? comm.ibarrier() : r).waitFor();
            return "ok";
        });
        assertEquals(List.of("ok", "ok"), ThreadWorld.values(out.outcomes()));
        assertTrue(out.failure().isEmpty(), () -> out.failure().toString());
    }

    @Test
    void anIbarrierAgainstABarrierIsAMismatchedCollective() throws Exception {
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.ibarrier().waitFor();
            } else {
                comm.barrier();
            }
            return 0;
        });
        String both = out.get(0).error() + " / " + out.get(1).error();
        assertTrue(out.get(0).error() instanceof MpiException && out.get(1).error() instanceof MpiException, both);
        assertTrue(both.contains("mismatched collective"), both);
        assertEquals(List.of(), RankThreads.alive());
    }
}
