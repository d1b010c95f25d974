package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Op;

/**
 * Operations on blocks of elements: MINLOC/MAXLOC pairs and a user's block operation are never
 * cut by a large allreduce, whatever the split: in memory, by the ring (3 ranks apart) or by
 * recursive halving (4 and 8 apart); the typed (values, indices) form of MINLOC/MAXLOC.
 */
@Timeout(120)
class BlockOpsTest {

    /** The reduce-scatter and allgather (not the tree) for these sizes: each rank has a core, as far as they know. */
    private static final RankOptions RING = RankOptions.DEFAULTS.withCoresShared(false);

    /** Ranks in one JVM (in memory), and each apart: the ring on 3, recursive halving on 4 and 8. */
    static Stream<Arguments> worlds() {
        return Stream.of(Arguments.of(3, ThreadWorld.Placement.ONE_JVM),
                Arguments.of(3, ThreadWorld.Placement.EACH_APART),
                Arguments.of(4, ThreadWorld.Placement.EACH_APART),
                Arguments.of(8, ThreadWorld.Placement.EACH_APART));
    }

    @ParameterizedTest(name = "{0} ranks, {1}")
    @MethodSource("worlds")
    void aLargeMinlocIsNotCutInsideAPair(int ranks, ThreadWorld.Placement placement) throws Exception {
        int pairs = 9_001; // 144 KB of doubles, parts of an odd number of doubles if cut by element
        List<double[]> out = ThreadWorld.values(ThreadWorld.run(ranks, placement, RING, comm -> {
            double[] v = new double[2 * pairs];
            for (int i = 0; i < pairs; i++) {
                v[2 * i] = Math.sin(i * (comm.rank() + 1));
                v[2 * i + 1] = comm.rank();
            }
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, v, Op.MINLOC);
            return v;
        }));
        double[] expected = new double[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            int best = 0;
            for (int r = 1; r < ranks; r++) {
                if (Math.sin(i * (r + 1)) < Math.sin(i * (best + 1))) {
                    best = r;
                }
            }
            expected[2 * i] = Math.sin(i * (best + 1));
            expected[2 * i + 1] = best;
        }
        for (double[] v : out) {
            assertArrayEquals(expected, v);
        }
    }

    @ParameterizedTest(name = "{0} ranks, {1}")
    @MethodSource("worlds")
    void aUsersBlockOperationGetsWholeBlocks(int ranks, ThreadWorld.Placement placement) throws Exception {
        // complex multiplication on (re, im) pairs: commutative, so large arrays are cut into parts
        Op cmul = Op.create("CMUL", (in, inOff, inout, outOff, count) -> {
            double[] a = (double[]) in;
            double[] b = (double[]) inout;
            if (count % 2 != 0) {
                throw new IllegalStateException("a block was cut: " + count + " elements");
            }
            for (int k = 0; k < count; k += 2) {
                double re = a[inOff + k] * b[outOff + k] - a[inOff + k + 1] * b[outOff + k + 1];
                double im = a[inOff + k] * b[outOff + k + 1] + a[inOff + k + 1] * b[outOff + k];
                b[outOff + k] = re;
                b[outOff + k + 1] = im;
            }
        }, true, 2);
        int numbers = 10_001;
        List<double[]> out = ThreadWorld.values(ThreadWorld.run(ranks, placement, RING, comm -> {
            double[] z = new double[2 * numbers];
            for (int i = 0; i < numbers; i++) {
                z[2 * i] = 0; // i, the imaginary unit, on every rank: i^ranks
                z[2 * i + 1] = 1;
            }
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, z, cmul);
            return new double[] {z[0], z[1], z[2 * numbers - 2], z[2 * numbers - 1]};
        }));
        for (double[] z : out) {
            double[] power = {1, 0, -1, 0}; // i^ranks = (re, im) = (power[ranks % 4], power[(ranks + 3) % 4])
            double re = power[ranks % 4];
            double im = power[(ranks + 3) % 4];
            assertArrayEquals(new double[] {re, im, re, im}, z, 0.0); // a delta, so that -0.0 counts as 0
        }
        List<String> errors = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm ->
                assertThrows(IllegalArgumentException.class,
                        () -> comm.allreduce(new double[3], new double[3], cmul)).getMessage()));
        assertEquals("allreduce(double[], Op.CMUL): Op.CMUL works on blocks of 2 elements; 3 elements are not whole "
                + "blocks", errors.get(0));
    }

    @Test
    void theTypedMinlocAndMaxlocFormsGiveValuesAndTheirIndices() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            double[] v = {comm.rank() * 1.5, -comm.rank()};
            int[] at = {comm.rank() * 10, comm.rank() * 10 + 1};
            comm.allreduceLoc(v, at, Op.MAXLOC);
            long[] w = {comm.rank() % 2, 7};
            int[] wat = {comm.rank(), comm.rank()};
            comm.reduceLoc(w, wat, Op.MINLOC, 3);
            float[] f = {comm.rank() * 0.25f, 1e-7f * (3 - comm.rank())};
            int[] fat = {100 + comm.rank(), 20_000_000 + comm.rank()}; // past float's exact integers
            comm.allreduceLoc(f, fat, Op.MINLOC);
            return java.util.Arrays.toString(v) + java.util.Arrays.toString(at) + java.util.Arrays.toString(w)
                    + java.util.Arrays.toString(wat) + java.util.Arrays.toString(f) + java.util.Arrays.toString(fat);
        }));
        // ties go to the smaller index; float pairs keep every float and index exactly
        assertEquals("[4.5, 0.0][30, 1][0, 7][0, 0][0.0, 0.0][100, 20000003]", out.get(3));
        assertEquals("[4.5, 0.0][30, 1][0, 7][0, 0]".substring(0, 18), out.get(0).substring(0, 18));
    }
}
