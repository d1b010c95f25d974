package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.comm.MessagePlan.Msg;
import org.mpionspark.bridge.comm.MessagePlan.RoundPlan;
import org.mpionspark.bridge.rank.RankOptions;

/**
 * Thousands of random messages (0 B to 4 MB, every tier, wildcards, splits) among 8 thread ranks
 * each arrive intact, once, and only where they were sent: through memory, through MPJ Express,
 * and in a world that mixes both. The seed is printed; rerun one with
 * {@code -Dload.seed=N}.
 */
@Timeout(180)
class RandomMessageLoadTest {

    private static final int RANKS = 8;
    private static final int ROUNDS = 30;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadWorld.Placement.class)
    void everyRandomMessageArrivesIntactExactlyOnceWhereItWasSent(ThreadWorld.Placement placement) throws Exception {
        long seed = Long.getLong("load.seed", System.nanoTime());
        System.out.println("RandomMessageLoadTest: seed " + seed + " (rerun with -Dload.seed=" + seed + ")");
        List<RoundPlan> plan = MessagePlan.rounds(seed, RANKS, ROUNDS);
        long[][] expected = new long[RANKS][3]; // received, bytes received, sent
        long large = 0;
        for (RoundPlan round : plan) {
            for (Msg m : round.messages()) {
                expected[m.worldDst()][0]++;
                expected[m.worldDst()][1] += m.bytes();
                expected[m.worldSrc()][2]++;
                large += m.bytes() > MessagePlan.MEDIUM_BYTES ? 1 : 0;
            }
        }
        List<long[]> got;
        try {
            got = ThreadWorld.values(ThreadWorld.run(RANKS, placement, RankOptions.DEFAULTS.withOpTimeoutMillis(Long.getLong("load.opTimeoutMillis", 60_000)),
                    comm -> new LoadRank(comm).play(MessagePlan.rounds(seed, comm.size(), ROUNDS))));
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
        long total = 0;
        for (int r = 0; r < RANKS; r++) {
            assertArrayEquals(expected[r], got.get(r), "seed " + seed + ": rank " + r + " {received, bytes, sent}");
            total += got.get(r)[0];
        }
        System.out.println("RandomMessageLoadTest: " + total + " messages, " + large + " over 64 KB");
        assertTrue(total >= 2000 && large > 0, "seed " + seed + ": a load of " + total + " messages, " + large + " large");
        assertEquals(List.of(), RankThreads.alive());
    }
}
