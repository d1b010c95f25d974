package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Every collective, array and object tier, against a plain reference for 0, 1, 7, 1,000 and
 * 1,000,000 elements on 1, 2, 3, 4, 5 and 8 ranks: sizes that cross every algorithm switch and
 * leave uneven blocks. {@code n} is what each rank contributes to a reduction or broadcast, and
 * the whole buffer of a scatter, gather or all-to-all (blocks of {@code n / p}, or uneven blocks
 * summing to {@code n} in the v-forms). Each rank checks its own results and reports mismatches.
 * Both algorithm families run: for ranks with a core each, and for ranks sharing cores.
 */
@Timeout(300)
class SizeSweepTest {

    private static final int[] SIZES = {0, 1, 7, 1000, 1_000_000};

    /** Concatenates decimal digits: associative, not commutative, so any reordering shows. */
    private static final Op CONCAT = Op.ofLongs("CONCAT", SizeSweepTest::concat, false);

    /**
     * Every size on four placements: all ranks in this JVM (collectives in memory), each rank as
     * if in a JVM of its own (through MPJ Express, both algorithm families), mixed, and interleaved
     * (two levels where the ranks of a JVM are not contiguous).
     */
    static Stream<Arguments> worlds() {
        Stream<Arguments> inMemory = IntStream.of(1, 2, 3, 4, 5, 8).boxed()
                .map(p -> Arguments.of(p, p % 2 == 0, ThreadWorld.Placement.ONE_JVM));
        Stream<Arguments> apart = IntStream.of(1, 2, 3, 4, 5, 8).boxed()
                .flatMap(p -> Stream.of(Arguments.of(p, false, ThreadWorld.Placement.EACH_APART),
                        Arguments.of(p, true, ThreadWorld.Placement.EACH_APART)));
        Stream<Arguments> mixed = IntStream.of(2, 3, 5, 8).boxed()
                .map(p -> Arguments.of(p, p % 2 == 1, ThreadWorld.Placement.MIXED));
        Stream<Arguments> interleaved = IntStream.of(4, 5).boxed()
                .map(p -> Arguments.of(p, p % 2 == 1, ThreadWorld.Placement.INTERLEAVED));
        return Stream.of(inMemory, apart, mixed, interleaved).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} ranks, cores shared: {1}, {2}")
    @MethodSource("worlds")
    void everyCollectiveMatchesItsReference(int p, boolean coresShared, ThreadWorld.Placement placement)
            throws Exception {
        RankOptions options = RankOptions.DEFAULTS.withCoresShared(coresShared);
        List<List<String>> failures = ThreadWorld.values(ThreadWorld.run(p, placement, options, comm -> {
            List<String> bad = new ArrayList<>();
            for (int n : SIZES) {
                new Sweep(comm, n, bad).all();
            }
            return bad;
        }));
        for (int r = 0; r < p; r++) {
            assertEquals(List.of(), failures.get(r), "rank " + r + " of " + p);
        }
    }

    /** Element {@code i} of rank {@code r}'s data: distinct across ranks and positions. */
    private static long v(int r, int i) {
        return (r + 1) * 10_000_019L + i;
    }

    /** A digit from 1 to 9, for the non-commutative reduction. */
    private static long digit(int r, int i) {
        return (r + i) % 9 + 1;
    }

    private static long concat(long left, long right) {
        long shift = 10;
        while (shift <= right) {
            shift *= 10;
        }
        return left * shift + right;
    }

    private static long[] data(int r, int from, int count) {
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = v(r, from + i);
        }
        return a;
    }

    /** {@code n} split over {@code p} ranks as evenly as possible, the first ones one larger. */
    private static int[] spread(int n, int p) {
        int[] c = new int[p];
        for (int i = 0; i < p; i++) {
            c[i] = n / p + (i < n % p ? 1 : 0);
        }
        return c;
    }

    /** Blocks laid out in reverse rank order, so displacements are not just prefix sums. */
    private static int[] reversedDispls(int[] counts) {
        int[] d = new int[counts.length];
        int at = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            d[i] = at;
            at += counts[i];
        }
        return d;
    }

    private static int[] packedDispls(int[] counts) {
        int[] d = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            d[i] = d[i - 1] + counts[i - 1];
        }
        return d;
    }

    /** One rank's pass over every collective at one size. */
    private static final class Sweep {
        private final Communicator comm;
        private final int n;
        private final int p;
        private final int r;
        private final List<String> bad;

        Sweep(Communicator comm, int n, List<String> bad) {
            this.comm = comm;
            this.n = n;
            this.p = comm.size();
            this.r = comm.rank();
            this.bad = bad;
        }

        void all() {
            bcast();
            allreduce();
            reduce();
            reduceScatter();
            scans();
            scatter();
            gathers();
            alltoall();
            objects();
        }

        private void expect(String what, long[] expected, long[] actual) {
            if (!Arrays.equals(expected, actual)) {
                int i = Arrays.mismatch(expected, actual);
                bad.add(what + " n=" + n + ": lengths " + expected.length + "/" + (actual == null ? -1 : actual.length)
                        + ", first difference at " + i);
            }
        }

        private void expect(String what, double[] expected, double[] actual) {
            if (!Arrays.equals(expected, actual)) {
                bad.add(what + " n=" + n + ": first difference at " + Arrays.mismatch(expected, actual));
            }
        }

        private long[] sumOver(int fromRank, int toRank, int from, int count) {
            long[] s = new long[count];
            for (int q = fromRank; q < toRank; q++) {
                for (int i = 0; i < count; i++) {
                    s[i] += v(q, from + i);
                }
            }
            return s;
        }

        private void bcast() {
            int root = n % p;
            long[] buf = r == root ? data(root, 0, n) : new long[n];
            comm.bcast(buf, root);
            expect("bcast", data(root, 0, n), buf);
        }

        private void allreduce() {
            long[] sum = new long[n];
            comm.allreduce(data(r, 0, n), sum, Op.SUM);
            expect("allreduce SUM", sumOver(0, p, 0, n), sum);

            double[] max = Arrays.stream(data(r, 0, n)).asDoubleStream().toArray();
            comm.allreduce(Communicator.IN_PLACE, max, Op.MAX);
            expect("allreduce MAX in place", Arrays.stream(data(p - 1, 0, n)).asDoubleStream().toArray(), max);

            long[] digits = new long[n];
            long[] concatenated = new long[n];
            long[] reference = new long[n];
            for (int i = 0; i < n; i++) {
                digits[i] = digit(r, i);
                reference[i] = digit(0, i);
                for (int q = 1; q < p; q++) {
                    reference[i] = concat(reference[i], digit(q, i));
                }
            }
            comm.allreduce(digits, concatenated, CONCAT);
            expect("allreduce non-commutative", reference, concatenated);
        }

        private void reduce() {
            int root = (n + 1) % p;
            long[] sum = r == root ? new long[n] : null;
            comm.reduce(data(r, 0, n), sum, Op.SUM, root);
            if (r == root) {
                expect("reduce SUM", sumOver(0, p, 0, n), sum);
            }
        }

        private void reduceScatter() {
            int[] counts = spread(n, p);
            int from = packedDispls(counts)[r];
            long[] mine = new long[counts[r]];
            comm.reduceScatter(data(r, 0, n), mine, counts, Op.SUM);
            expect("reduceScatter", sumOver(0, p, from, counts[r]), mine);
        }

        private void scans() {
            long[] scan = new long[n];
            comm.scan(data(r, 0, n), scan, Op.SUM);
            expect("scan", sumOver(0, r + 1, 0, n), scan);

            long[] exscan = new long[n];
            Arrays.fill(exscan, -1);
            comm.exscan(data(r, 0, n), exscan, Op.SUM);
            long[] untouched = new long[n];
            Arrays.fill(untouched, -1);
            expect("exscan", r == 0 ? untouched : sumOver(0, r, 0, n), exscan);
        }

        private void scatter() {
            int root = p - 1;
            int block = n / p;
            long[] mine = new long[block];
            comm.scatter(r == root ? data(root, 0, block * p) : null, mine, root);
            expect("scatter", data(root, r * block, block), mine);

            int[] counts = spread(n, p);
            int[] displs = reversedDispls(counts);
            long[] part = new long[counts[r] + 2];
            comm.scatterv(r == root ? data(root, 0, n) : null, counts, displs, part, 2, counts[r], root);
            long[] expected = new long[counts[r] + 2];
            System.arraycopy(data(root, displs[r], counts[r]), 0, expected, 2, counts[r]);
            expect("scatterv", expected, part);
        }

        private void gathers() {
            int root = 0;
            int block = n / p;
            long[] equal = new long[block * p];
            for (int q = 0; q < p; q++) {
                System.arraycopy(data(q, 0, block), 0, equal, q * block, block);
            }
            long[] gathered = r == root ? new long[block * p] : null;
            comm.gather(data(r, 0, block), gathered, root);
            if (r == root) {
                expect("gather", equal, gathered);
            }
            long[] everyone = new long[block * p];
            comm.allgather(data(r, 0, block), everyone);
            expect("allgather", equal, everyone);

            int[] counts = spread(n, p);
            int[] displs = reversedDispls(counts);
            long[] uneven = new long[n];
            for (int q = 0; q < p; q++) {
                System.arraycopy(data(q, 0, counts[q]), 0, uneven, displs[q], counts[q]);
            }
            long[] rows = new long[counts[r] + 1];
            System.arraycopy(data(r, 0, counts[r]), 0, rows, 1, counts[r]);
            long[] gatheredv = r == root ? new long[n] : null;
            comm.gatherv(rows, 1, counts[r], gatheredv, counts, displs, root);
            if (r == root) {
                expect("gatherv", uneven, gatheredv);
            }
            long[] everyonev = new long[n];
            comm.allgatherv(rows, 1, counts[r], everyonev, counts, displs);
            expect("allgatherv", uneven, everyonev);
        }

        private void alltoall() {
            int block = n / p;
            long[] received = new long[block * p];
            comm.alltoall(data(r, 0, block * p), received);
            long[] expected = new long[block * p];
            for (int q = 0; q < p; q++) {
                System.arraycopy(data(q, r * block, block), 0, expected, q * block, block);
            }
            expect("alltoall", expected, received);

            // rank q sends spread[(q + j) % p] elements to rank j, packed in rank order
            int[] sizes = spread(n, p);
            int[] sendCounts = new int[p];
            int[] recvCounts = new int[p];
            for (int j = 0; j < p; j++) {
                sendCounts[j] = sizes[(r + j) % p];
                recvCounts[j] = sizes[(j + r) % p];
            }
            int[] sendDispls = packedDispls(sendCounts);
            int[] recvDispls = reversedDispls(recvCounts);
            long[] got = new long[n];
            comm.alltoallv(data(r, 0, n), sendCounts, sendDispls, got, recvCounts, recvDispls);
            long[] want = new long[n];
            for (int q = 0; q < p; q++) {
                int senderDispl = 0;
                for (int j = 0; j < r; j++) {
                    senderDispl += sizes[(q + j) % p];
                }
                System.arraycopy(data(q, senderDispl, recvCounts[q]), 0, want, recvDispls[q], recvCounts[q]);
            }
            expect("alltoallv", want, got);
        }

        private void objects() {
            BinaryOperator<long[]> add = (a, b) -> {
                long[] s = a.clone();
                for (int i = 0; i < s.length; i++) {
                    s[i] += b[i];
                }
                return s;
            };
            int root = n % p;
            expect("bcastObject", data(root, 0, n), comm.<long[]>bcastObject(r == root ? data(root, 0, n) : null, root));
            expect("allreduceObject", sumOver(0, p, 0, n), comm.allreduceObject(data(r, 0, n), add));
            long[] reduced = comm.reduceObject(data(r, 0, n), add, root);
            if (r == root) {
                expect("reduceObject", sumOver(0, p, 0, n), reduced);
            }
            expect("scanObject", sumOver(0, r + 1, 0, n), comm.scanObject(data(r, 0, n), add));
            long[] ex = comm.exscanObject(data(r, 0, n), add);
            if (r > 0) {
                expect("exscanObject", sumOver(0, r, 0, n), ex);
            } else if (ex != null) {
                bad.add("exscanObject n=" + n + ": rank 0 got a value");
            }

            int block = n / p;
            List<long[]> blocks = new ArrayList<>();
            for (int q = 0; q < p; q++) {
                blocks.add(data(r, q * block, block));
            }
            expect("scatterObject", data(root, r * block, block), comm.scatterObject(r == root ? blocks : null, root));
            List<long[]> gathered = comm.gatherObject(data(r, 0, block), root);
            List<long[]> all = comm.allgatherObject(data(r, 0, block));
            List<long[]> exchanged = comm.alltoallObject(blocks);
            for (int q = 0; q < p; q++) {
                if (r == root) {
                    expect("gatherObject from " + q, data(q, 0, block), gathered.get(q));
                }
                expect("allgatherObject from " + q, data(q, 0, block), all.get(q));
                expect("alltoallObject from " + q, data(q, r * block, block), exchanged.get(q));
            }
        }
    }
}
