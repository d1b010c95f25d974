package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Op;

/** Every collective against a plain reference computation, on odd and even rank counts. */
@Timeout(120)
class CollectivesTest {

    @ParameterizedTest(name = "{0} ranks, {1} doubles")
    @CsvSource({"1,7", "2,1", "3,1000", "4,7", "5,20000", "8,1000", "3,100000", "5,0"})
    void allreduceSumsLikeAReference(int ranks, int n) throws Exception {
        List<double[]> got = ThreadWorld.values(ThreadWorld.run(ranks, RankOptions.DEFAULTS, comm -> {
            double[] mine = values(comm.rank(), n);
            double[] sum = new double[n];
            comm.allreduce(mine, sum, Op.SUM);
            return sum;
        }));
        double[] expected = new double[n];
        for (int r = 0; r < ranks; r++) {
            Op.SUM.apply(values(r, n), 0, expected, 0, n);
        }
        for (double[] g : got) {
            assertArrayEquals(expected, g, 1e-9);
            assertArrayEquals(got.get(0), g, 0.0); // bit-identical on every rank
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void allreduceMinMaxOfIntsAndLongs(int ranks) throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(ranks, RankOptions.DEFAULTS, comm -> {
            int[] i = {comm.rank(), -comm.rank()};
            comm.allreduce(i, i, Op.MIN);
            long[] l = {comm.rank() * 1_000_000_000_000L};
            comm.allreduce(l, l, Op.MAX);
            return i[0] + " " + i[1] + " " + l[0];
        }));
        for (String g : got) {
            assertEquals("0 " + -(ranks - 1) + " " + (ranks - 1) * 1_000_000_000_000L, g);
        }
    }

    @ParameterizedTest(name = "{0} ranks, root {1}")
    @CsvSource({"1,0", "2,1", "3,2", "5,3", "8,0", "8,7"})
    void bcastCopiesTheRootsArrayAndObject(int ranks, int root) throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(ranks, RankOptions.DEFAULTS, comm -> {
            double[] d = comm.rank() == root ? values(root, 300_000) : new double[300_000];
            comm.bcast(d, root);
            List<String> o = comm.bcastObject(comm.rank() == root ? List.of("from", "root " + root) : null, root);
            return d[0] + " " + d[299_999] + " " + o;
        }));
        double[] ref = values(root, 300_000);
        for (String g : got) {
            assertEquals(ref[0] + " " + ref[299_999] + " [from, root " + root + "]", g);
        }
    }

    @ParameterizedTest(name = "{0} ranks, cores shared: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1,true", "3,true", "4,true", "8,true", "3,false", "4,false", "8,false"})
    void barrierLetsNobodyThroughEarly(int ranks, boolean coresShared) throws Exception {
        java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        RankOptions options = RankOptions.DEFAULTS.withCoresShared(coresShared);
        List<Integer> seen = ThreadWorld.values(ThreadWorld.run(ranks, options, comm -> {
            arrived.incrementAndGet();
            comm.barrier();
            return arrived.get();
        }));
        for (int s : seen) {
            assertEquals(ranks, s);
        }
    }

    private static double[] values(int rank, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rank * 1.25 + i * 0.001;
        }
        return v;
    }
}
