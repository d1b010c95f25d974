package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The driver's rule for a mismatch seen between JVMs: blame only the one rank whose call differs from all the others'. */
class MismatchVerdictTest {

    private static RankActivity waiting(int rank, int context, long step, String described) {
        RankActivity a = new RankActivity(rank);
        a.report(described + " receiving from rank 0", 0, false, new CollectiveCall(context, step, described).encode());
        return a;
    }

    @Test
    void theOddOneOutIsTheCulprit() {
        RankActivity[] states = {waiting(0, 0, 4, "bcast(int[], root=0) with count 2"),
            waiting(1, 0, 4, "bcast(int[], root=0) with count 2"), waiting(2, 0, 5, "barrier()"),
            waiting(3, 0, 4, "bcast(int[], root=0) with count 2")};
        MismatchVerdict v = MismatchVerdict.of(states, 3, 2);
        assertTrue(v.settled());
        assertEquals(2, v.culprit());
        assertEquals("mismatched collective: rank 2 called barrier() where ranks 0, 1 and 3 call bcast(int[], root=0) "
                + "with count 2 (its call #5, theirs #4); rank 3 noticed: it saw", v.message(3, "it saw"));
    }

    @Test
    void noMajorityBlamesNoOneButPrintsThePeersCall() {
        RankActivity[] states = {waiting(0, 0, 1, "allreduce(int[], Op.SUM) with count 1"),
            waiting(1, 0, 1, "allreduce(int[], Op.SUM) with count 2"), waiting(2, 0, 1, "barrier()"),
            new RankActivity(3)};
        MismatchVerdict v = MismatchVerdict.of(states, 0, 1);
        assertFalse(v.settled(), "rank 3 has not told its call yet");
        assertEquals(-1, v.culprit());
        assertEquals("it saw; rank 1 calls allreduce(int[], Op.SUM) with count 2 where rank 0 calls "
                + "allreduce(int[], Op.SUM) with count 1 (call #1)", v.message(0, "it saw"));
    }

    @Test
    void ranksOfOtherCommunicatorsAreNotCounted() {
        RankActivity[] states = {waiting(0, 3, 0, "barrier()"), waiting(1, 0, 2, "barrier()"),
            waiting(2, 3, 0, "barrier()"), waiting(3, 3, 0, "bcast(int[], root=0) with count 1")};
        MismatchVerdict v = MismatchVerdict.of(states, 0, 1);
        assertEquals(3, v.culprit());
        RankActivity quiet = new RankActivity(0);
        assertNull(MismatchVerdict.of(new RankActivity[] {quiet, states[1]}, 0, 1).message(0, "it saw"));
    }
}
