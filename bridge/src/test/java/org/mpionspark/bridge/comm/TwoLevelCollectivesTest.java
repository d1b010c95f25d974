package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Op;

/**
 * Collectives of ranks spread over two JVMs, several in each, large enough to go two-level (in
 * memory within a JVM, among one leader per JVM between them): from every root, leader or not,
 * with the JVMs' ranks contiguous (mixed) or not (interleaved, as Spark places tasks).
 */
@Timeout(120)
class TwoLevelCollectivesTest {

    /** 128 KB of longs: above the two-level threshold. */
    private static final int N = 16 * 1024;

    @ParameterizedTest
    @EnumSource(value = ThreadWorld.Placement.class, names = {"MIXED", "INTERLEAVED"})
    void bcastReduceAndBarrierFromEveryRoot(ThreadWorld.Placement placement) throws Exception {
        int p = 5;
        List<List<String>> bad = ThreadWorld.values(ThreadWorld.run(p, placement, RankOptions.DEFAULTS, comm -> {
            List<String> wrong = new ArrayList<>();
            int r = comm.rank();
            for (int root = 0; root < p; root++) {
                long[] buf = r == root ? values(root) : new long[N];
                comm.bcast(buf, root);
                if (!Arrays.equals(values(root), buf)) {
                    wrong.add("bcast from " + root + " gave " + buf[0] + ".." + buf[N - 1]);
                }
                long[] sum = r == root ? new long[N] : null;
                comm.reduce(values(r), sum, Op.SUM, root);
                long[] expected = new long[N];
                for (int q = 0; q < p; q++) {
                    long[] v = values(q);
                    for (int i = 0; i < N; i++) {
                        expected[i] += v[i];
                    }
                }
                if (r == root && !Arrays.equals(expected, sum)) {
                    wrong.add("reduce to " + root + " gave " + sum[0] + ".." + sum[N - 1]);
                }
                comm.barrier();
            }
            return wrong;
        }));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of()), bad);
    }

    @ParameterizedTest
    @EnumSource(value = ThreadWorld.Placement.class, names = {"MIXED", "INTERLEAVED"})
    void allgathervOfUnevenBlocksInPlaceAndNot(ThreadWorld.Placement placement) throws Exception {
        int p = 5;
        int[] counts = {3, 0, 70_000, 1, 5}; // an empty block, and one that follows its header
        int[] displs = {4, 0, 10, 70_020, 70_030}; // gaps between blocks, out of rank order
        List<String> got = ThreadWorld.values(ThreadWorld.run(p, placement, RankOptions.DEFAULTS, comm -> {
            int r = comm.rank();
            long[] mine = new long[counts[r]];
            Arrays.setAll(mine, i -> 1_000_000L * r + i);
            long[] all = new long[70_040];
            Arrays.fill(all, -7);
            comm.allgatherv(mine, 0, counts[r], all, counts, displs);
            long[] inPlace = new long[70_040];
            Arrays.fill(inPlace, -7);
            System.arraycopy(mine, 0, inPlace, displs[r], counts[r]);
            comm.allgatherv(org.mpionspark.mpi.Communicator.IN_PLACE, 0, 0, inPlace, counts, displs);
            long[] expected = new long[70_040];
            Arrays.fill(expected, -7);
            for (int q = 0; q < p; q++) {
                for (int i = 0; i < counts[q]; i++) {
                    expected[displs[q] + i] = 1_000_000L * q + i;
                }
            }
            return Arrays.equals(expected, all) + " " + Arrays.equals(expected, inPlace);
        }));
        assertEquals(java.util.Collections.nCopies(p, "true true"), got);
    }

    /** Rank {@code r}'s contribution: different on every rank and at every index. */
    private static long[] values(int r) {
        long[] v = new long[N];
        for (int i = 0; i < N; i++) {
            v[i] = 1_000_000L * r + i;
        }
        return v;
    }
}
