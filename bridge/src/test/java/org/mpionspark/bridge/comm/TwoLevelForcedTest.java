package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;

/**
 * Gather(v), scatter(v), alltoall(v), reduceScatter, scan and exscan, and their object forms, give
 * MPI's values whether two levels are forced on, off, or left to size and topology
 * ({@code spark.mpi.collectives.twoLevel}), small and large, on ranks spread over JVMs contiguously,
 * interleaved as Spark places them, and in sub-communicators that mix JVMs.
 */
@Timeout(180)
class TwoLevelForcedTest {

    /** Blocks of up to 4 x 4096 longs (128 KB): above the two-level threshold. */
    private static final int LARGE = 4096;

    @ParameterizedTest
    @EnumSource(TwoLevelMode.class)
    void twoJvmsHoldingConsecutiveRanks(TwoLevelMode mode) throws Exception {
        List<List<String>> wrong = ThreadWorld.values(ThreadWorld.run(5, ThreadWorld.Placement.MIXED, mode,
                RankOptions.DEFAULTS, comm -> battery(comm, "2 + 3 ranks")));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of()), wrong);
    }

    @ParameterizedTest
    @EnumSource(TwoLevelMode.class)
    void threeJvmsWithRanksInterleaved(TwoLevelMode mode) throws Exception {
        List<List<String>> wrong = ThreadWorld.values(ThreadWorld.runOnJvms(7, 3, mode, RankOptions.DEFAULTS,
                comm -> battery(comm, "7 ranks on 3 JVMs")));
        assertEquals(java.util.Collections.nCopies(7, List.of()), wrong);
    }

    /**
     * Six ranks on two JVMs (even ranks in one): the world, ranks 0-2 and 3-5 with their order
     * reversed (each mixing JVMs), ranks 1, 2, 4, 5 (two per JVM, interleaved), and every rank
     * reordered so that each JVM's ranks are consecutive (where scans go two-level), and the rows
     * of a 2 x 3 Cartesian grid (ranks 0-2 and 3-5 again, in grid order).
     */
    @ParameterizedTest
    @EnumSource(TwoLevelMode.class)
    void subCommunicatorsMixingJvms(TwoLevelMode mode) throws Exception {
        List<List<String>> wrong = ThreadWorld.values(ThreadWorld.runOnJvms(6, 2, mode, RankOptions.DEFAULTS,
                world -> {
                    int r = world.rank();
                    List<String> out = new ArrayList<>(CollectiveBattery.run(world, 1, "world"));
                    Communicator halves = world.split(r / 3, -r);
                    out.addAll(battery(halves, "half " + r / 3 + " reversed"));
                    Communicator pairs = world.split(r % 3 == 0 ? 0 : 1, r);
                    out.addAll(battery(pairs, "color " + (r % 3 == 0 ? 0 : 1)));
                    Communicator byJvm = world.split(0, r % 2 * 10 + r);
                    out.addAll(battery(byJvm, "even ranks first"));
                    org.mpionspark.mpi.CartCommunicator row = world.createCart(new int[] {2, 3},
                            new boolean[] {false, true}).sub(new boolean[] {false, true});
                    out.addAll(battery(row, "grid row " + r / 3));
                    return out;
                }));
        assertEquals(java.util.Collections.nCopies(6, List.of()), wrong);
    }

    /** The non-blocking forms run the same routes on the communicator's lane, several in flight at once. */
    @ParameterizedTest
    @EnumSource(value = TwoLevelMode.class, names = {"ALWAYS", "NEVER"})
    void nonBlockingFormsInFlightTogether(TwoLevelMode mode) throws Exception {
        int n = 3 * LARGE;
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(6, 2, mode, RankOptions.DEFAULTS, world -> {
            Communicator comm = world.split(0, world.rank() % 2 * 10 + world.rank()); // each JVM's ranks together
            int r = comm.rank();
            int p = comm.size();
            long[] mine = new long[n];
            java.util.Arrays.setAll(mine, i -> CollectiveBattery.value(r, i));
            long[] all = new long[p * n];
            long[] scanned = new long[n];
            long[] swapped = new long[p * n];
            long[] outgoing = new long[p * n];
            java.util.Arrays.setAll(outgoing, i -> CollectiveBattery.value(r, i));
            org.mpionspark.mpi.Request.waitAll(comm.igather(mine, r == 1 ? all : null, 1),
                    comm.iscan(mine, scanned, org.mpionspark.mpi.Op.SUM), comm.ialltoall(outgoing, swapped));
            StringBuilder s = new StringBuilder();
            if (r == 1) {
                for (int i = 0; i < p * n; i++) {
                    if (all[i] != CollectiveBattery.value(i / n, i % n)) {
                        s.append("igather differs at ").append(i).append(' ');
                        break;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                long sum = 0;
                for (int q = 0; q <= r; q++) {
                    sum += CollectiveBattery.value(q, i);
                }
                if (scanned[i] != sum) {
                    s.append("iscan differs at ").append(i).append(' ');
                    break;
                }
            }
            for (int i = 0; i < p * n; i++) {
                if (swapped[i] != CollectiveBattery.value(i / n, r * n + i % n)) {
                    s.append("ialltoall differs at ").append(i);
                    break;
                }
            }
            return s.toString();
        }));
        assertEquals(java.util.Collections.nCopies(6, ""), got);
    }

    private static List<String> battery(Communicator comm, String where) {
        List<String> out = new ArrayList<>(CollectiveBattery.run(comm, 1, where + ", small"));
        out.addAll(CollectiveBattery.run(comm, LARGE, where + ", large"));
        return out;
    }
}
