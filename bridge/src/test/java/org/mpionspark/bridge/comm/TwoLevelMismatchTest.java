package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;

/**
 * Ranks that disagree on the counts of a collective going in two levels fail naming the sizes,
 * whether the odd rank shares the root's JVM (its block is read in memory: it is named) or not
 * (its JVM's pack crosses the network: the leader that sent it is named, with the pack's sizes),
 * and every other rank is freed by the abort, none left waiting.
 */
@Timeout(120)
class TwoLevelMismatchTest {

    @Test
    void aGathervWhoseRanksDisagreeOnCountsFailsNamingTheSizes() throws Exception {
        for (int odd : new int[] {1, 3}) { // ranks 0, 1 in one JVM, 2, 3 in the other; the root is 0
            List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(4, ThreadWorld.Placement.MIXED,
                    TwoLevelMode.ALWAYS, RankOptions.DEFAULTS, comm -> {
                        int[] mine = new int[comm.rank() == odd ? 5 : 3];
                        comm.gatherv(mine, 0, mine.length, new int[12], new int[] {3, 3, 3, 3}, null, 0);
                        return 0;
                    });
            MpiException root = assertInstanceOf(MpiException.class, out.get(0).error());
            assertEquals(odd == 1
                    ? "rank 0 in gatherv(root=0) (peer rank 1): rank 1 sent 5 elements where 3 were expected: "
                        + "the ranks passed different counts"
                    : "rank 0 in gatherv(root=0) receiving from rank 2 (peer rank 2): rank 2 sent 8 elements where 6 "
                        + "were expected: the ranks passed different counts", root.getMessage());
            for (int r = 1; r < 4; r++) {
                MpiAbortedException freed = assertInstanceOf(MpiAbortedException.class, out.get(r).error());
                assertEquals(true, freed.getMessage().contains("aborted: rank 0 failed"), freed.getMessage());
            }
        }
        assertEquals(List.of(), RankThreads.alive());
    }
}
