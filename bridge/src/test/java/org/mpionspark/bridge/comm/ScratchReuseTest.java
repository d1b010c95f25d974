package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Collectives that keep their working arrays between calls ({@code collective.Scratch}) give MPI's
 * values when sizes shrink and grow from call to call (a kept array is longer, and holds the last
 * call's values), on ranks alone in their JVM and sharing one, where a JVM's ranks read each other's arrays.
 */
@Timeout(120)
class ScratchReuseTest {

    private static final int[] COUNTS = {40_000, 3, 70_000, 1, 500, 70_000, 2};

    @ParameterizedTest(name = "{0} ranks on {1} JVMs")
    @CsvSource({"2, 2", "4, 2", "5, 3"})
    void sizesThatShrinkAndGrowGiveMpisValues(int ranks, int jvms) throws Exception {
        List<List<String>> wrong = ThreadWorld.values(ThreadWorld.runOnJvms(ranks, jvms, RankOptions.DEFAULTS,
                ScratchReuseTest::calls));
        assertEquals(Collections.nCopies(ranks, List.of()), wrong);
    }

    private static List<String> calls(Communicator comm) {
        int r = comm.rank();
        int p = comm.size();
        List<String> wrong = new ArrayList<>();
        for (int n : COUNTS) {
            long[] mine = new long[n];
            for (int i = 0; i < n; i++) {
                mine[i] = (r + 1) * 1000L + i;
            }
            long[] sum = new long[n];
            comm.allreduce(mine, sum, Op.SUM);
            long[] atRoot = new long[n];
            comm.reduce(mine, atRoot, Op.SUM, p - 1);
            long[] prefix = new long[n];
            comm.scan(mine, prefix, Op.SUM);
            long[] before = new long[n];
            comm.exscan(mine, before, Op.SUM);
            int[] counts = new int[p];
            for (int q = 0; q < p; q++) {
                counts[q] = n / p + (q < n % p ? 1 : 0);
            }
            long[] block = new long[counts[r]];
            comm.reduceScatter(mine, block, counts, Op.SUM);
            long[] twice = mine.clone();
            for (int i = 0; i < n; i++) {
                twice[i] *= 2;
            }
            long[] block2 = new long[counts[r]];
            comm.reduceScatter(twice, block2, counts, Op.SUM); // at once: a JVM's ranks may still read the last one's array
            long[] prefix2 = new long[n];
            comm.scan(twice, prefix2, Op.SUM);
            int displ = 0;
            for (int q = 0; q < r; q++) {
                displ += counts[q];
            }
            for (int i = 0; i < n; i++) {
                long all = 1000L * p * (p + 1) / 2 + (long) p * i;
                long upTo = 1000L * (r + 1) * (r + 2) / 2 + (long) (r + 1) * i;
                check(wrong, "allreduce", n, i, all, sum[i]);
                if (r == p - 1) {
                    check(wrong, "reduce", n, i, all, atRoot[i]);
                }
                check(wrong, "scan", n, i, upTo, prefix[i]);
                check(wrong, "scan right after reduceScatter", n, i, 2 * upTo, prefix2[i]);
                if (r > 0) {
                    check(wrong, "exscan", n, i, upTo - mine[i], before[i]);
                }
                if (i >= displ && i < displ + counts[r]) {
                    check(wrong, "reduceScatter", n, i, all, block[i - displ]);
                    check(wrong, "reduceScatter right after another", n, i, 2 * all, block2[i - displ]);
                }
            }
        }
        return wrong;
    }

    private static void check(List<String> wrong, String op, int n, int i, long expected, long got) {
        if (expected != got && wrong.size() < 5) {
            wrong.add(op + " of " + n + " longs, index " + i + ": " + got + " instead of " + expected);
        }
    }
}
