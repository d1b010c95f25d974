package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiMismatchException;
import org.mpionspark.mpi.Op;

/**
 * Where ranks meet by messages (separate JVMs), the world's failure names the rank that called a
 * collective differently from all the others, whichever rank noticed, and prints both calls with
 * their counts, as where ranks meet in memory ({@code MemoryPathTest}).
 */
@Timeout(120)
class MismatchCulpritTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"EACH_APART", "INTERLEAVED"})
    void theRankWithAnotherCountIsBlamedWithBothCounts(ThreadWorld.Placement placement) throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(4, placement, RankOptions.DEFAULTS, 60_000, comm -> {
            double[] v = new double[comm.rank() == 2 ? 3 : 2];
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            return 0;
        });
        WorldFailure f = out.failure().orElseThrow();
        assertEquals(2, f.rank(), f.message());
        assertTrue(f.message().startsWith("mismatched collective: rank 2 called allreduce(double[], Op.SUM) with "
                + "count 3 where ranks 0, 1 and 3 call allreduce(double[], Op.SUM) with count 2 (call #"),
                f.message());
        assertTrue(f.message().contains(" noticed: rank "), f.message());
        assertInstanceOf(MpiMismatchException.class, f.error());
    }

    /** Two ranks have no majority: the rank that noticed is named, and both calls are printed. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"EACH_APART"})
    void twoRanksPrintBothCounts(ThreadWorld.Placement placement) throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(2, placement, RankOptions.DEFAULTS, 60_000, comm -> {
            comm.allreduce(Communicator.IN_PLACE, new long[comm.rank() == 0 ? 10 : 11], Op.MAX);
            return 0;
        });
        WorldFailure f = out.failure().orElseThrow();
        int other = 1 - f.rank();
        assertTrue(f.message().contains("; rank " + other + " calls allreduce(long[], Op.MAX) with count "
                + (other == 0 ? 10 : 11) + " where rank " + f.rank() + " calls allreduce(long[], Op.MAX) with count "
                + (other == 0 ? 11 : 10) + " (call #"), f.message());
    }
}
