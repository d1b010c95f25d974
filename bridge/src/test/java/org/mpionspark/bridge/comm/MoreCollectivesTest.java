package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/** scatter(v), gather(v), allgather(v), alltoall(v), reduce, reduceScatter, scan, exscan: array and object tiers against references. */
@Timeout(120)
class MoreCollectivesTest {

    private static List<String> run(int ranks, java.util.function.Function<Communicator, String> body) throws Exception {
        return ThreadWorld.values(ThreadWorld.run(ranks, RankOptions.DEFAULTS, body));
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 3, 4})
    void reduceInPlaceAtTheRootReadsAndOverwritesItsRecvbuf(int p) throws Exception {
        List<String> out = run(p, comm -> {
            int root = p - 1;
            long[] v = {comm.rank() + 1, 10L * (comm.rank() + 1)};
            if (comm.rank() == root) {
                comm.reduce(Communicator.IN_PLACE, v, Op.SUM, root);
            } else {
                comm.reduce(v, null, Op.SUM, root);
            }
            return Arrays.toString(v);
        });
        long sum = (long) p * (p + 1) / 2;
        assertEquals(Arrays.toString(new long[] {sum, 10 * sum}), out.get(p - 1));
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 4, 5, 8})
    void gatherScatterAndFriends(int p) throws Exception {
        List<String> out = run(p, comm -> {
            int r = comm.rank();
            int root = p - 1;
            StringBuilder s = new StringBuilder();
            // scatter 3 ints per rank
            int[] all = new int[3 * p];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            int[] mine = new int[3];
            comm.scatter(r == root ? all : null, mine, root);
            s.append(Arrays.toString(mine)).append(';');
            // gather them back at the root
            int[] back = r == root ? new int[3 * p] : null;
            comm.gather(mine, back, root);
            s.append(r == root ? Arrays.toString(back) : "-").append(';');
            // gatherv: rank i sends i+1 doubles ("rows" of different heights)
            int[] counts = new int[p];
            int[] displs = new int[p];
            for (int i = 0; i < p; i++) {
                counts[i] = i + 1;
                displs[i] = i == 0 ? 0 : displs[i - 1] + counts[i - 1];
            }
            double[] rows = new double[r + 1];
            Arrays.fill(rows, r);
            double[] gathered = new double[p * (p + 1) / 2];
            comm.gatherv(rows, 0, rows.length, gathered, counts, displs, 0);
            s.append(r == 0 ? Arrays.toString(gathered) : "-").append(';');
            // scatterv the same layout from rank 0
            double[] part = new double[r + 1];
            comm.scatterv(r == 0 ? gathered : null, counts, displs, part, 0, r + 1, 0);
            s.append(Arrays.toString(part)).append(';');
            // allgather / allgatherv
            long[] everyone = new long[p];
            comm.allgather(new long[] {r * 10L}, everyone);
            s.append(Arrays.toString(everyone)).append(';');
            double[] allRows = new double[gathered.length];
            comm.allgatherv(rows, 0, rows.length, allRows, counts, displs);
            s.append(Arrays.toString(allRows)).append(';');
            // alltoall: rank r sends r*100+j to rank j
            int[] send = new int[p];
            for (int j = 0; j < p; j++) {
                send[j] = r * 100 + j;
            }
            int[] recv = new int[p];
            comm.alltoall(send, recv);
            s.append(Arrays.toString(recv)).append(';');
            // alltoallv: rank r sends j+1 copies of r to rank j
            int[] sc = new int[p];
            int[] sd = new int[p];
            int[] rc = new int[p];
            int[] rd = new int[p];
            for (int j = 0; j < p; j++) {
                sc[j] = j + 1;
                sd[j] = j == 0 ? 0 : sd[j - 1] + sc[j - 1];
                rc[j] = r + 1;
                rd[j] = j * (r + 1);
            }
            int[] sv = new int[sd[p - 1] + sc[p - 1]];
            Arrays.fill(sv, r);
            int[] rv = new int[p * (r + 1)];
            comm.alltoallv(sv, sc, sd, rv, rc, rd);
            s.append(Arrays.toString(rv));
            return s.toString();
        });
        for (int r = 0; r < p; r++) {
            String[] f = out.get(r).split(";");
            assertEquals(Arrays.toString(new int[] {3 * r, 3 * r + 1, 3 * r + 2}), f[0]);
            int[] seq = new int[3 * p];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = i;
            }
            assertEquals(r == p - 1 ? Arrays.toString(seq) : "-", f[1]);
            List<Double> layout = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                for (int k = 0; k <= i; k++) {
                    layout.add((double) i);
                }
            }
            String rowsRef = Arrays.toString(layout.stream().mapToDouble(Double::doubleValue).toArray());
            assertEquals(r == 0 ? rowsRef : "-", f[2]);
            double[] part = new double[r + 1];
            Arrays.fill(part, r);
            assertEquals(Arrays.toString(part), f[3]);
            long[] ev = new long[p];
            for (int i = 0; i < p; i++) {
                ev[i] = i * 10L;
            }
            assertEquals(Arrays.toString(ev), f[4]);
            assertEquals(rowsRef, f[5]);
            int[] a2a = new int[p];
            for (int j = 0; j < p; j++) {
                a2a[j] = j * 100 + r;
            }
            assertEquals(Arrays.toString(a2a), f[6]);
            int[] a2av = new int[p * (r + 1)];
            for (int j = 0; j < p; j++) {
                Arrays.fill(a2av, j * (r + 1), (j + 1) * (r + 1), j);
            }
            assertEquals(Arrays.toString(a2av), f[7]);
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 4, 5, 8})
    void reductionsAndPrefixes(int p) throws Exception {
        List<String> out = run(p, comm -> {
            int r = comm.rank();
            StringBuilder s = new StringBuilder();
            double[] sum = new double[2];
            comm.reduce(new double[] {r, 1}, sum, Op.SUM, p / 2);
            s.append(r == p / 2 ? Arrays.toString(sum) : "-").append(';');
            // reduceScatter: block i has i+1 elements; everyone contributes r to all
            int[] counts = new int[p];
            int total = 0;
            for (int i = 0; i < p; i++) {
                counts[i] = i + 1;
                total += i + 1;
            }
            long[] contrib = new long[total];
            Arrays.fill(contrib, r + 1);
            long[] block = new long[r + 1];
            comm.reduceScatter(contrib, block, counts, Op.SUM);
            s.append(Arrays.toString(block)).append(';');
            int[] inc = new int[1];
            comm.scan(new int[] {r + 1}, inc, Op.SUM);
            int[] exc = {-7};
            comm.exscan(new int[] {r + 1}, exc, Op.SUM);
            s.append(inc[0]).append(',').append(exc[0]).append(';');
            // MAXLOC over (value, index) pairs: value peaks at rank p/2
            double[] loc = {-(r - p / 2) * (r - p / 2), r};
            comm.allreduce(Communicator.IN_PLACE, loc, Op.MAXLOC);
            s.append(loc[0]).append('@').append((int) loc[1]).append(';');
            // a non-commutative user op: composition of affine maps x -> a*x + b, applied in rank order
            long[] affine = {2, r};
            Op compose = Op.create("COMPOSE", (in, inOff, inout, outOff, count) -> {
                long[] f = (long[]) in;
                long[] g = (long[]) inout;
                for (int k = 0; k < count; k += 2) {
                    long a = g[outOff + k] * f[inOff + k];
                    long b = g[outOff + k] * f[inOff + k + 1] + g[outOff + k + 1];
                    g[outOff + k] = a;
                    g[outOff + k + 1] = b;
                }
            }, false);
            comm.allreduce(Communicator.IN_PLACE, affine, compose);
            long[] affinePrefix = {2, r};
            comm.scan(Communicator.IN_PLACE, affinePrefix, compose);
            s.append(affine[0]).append(',').append(affine[1]).append(',').append(affinePrefix[1]).append(';');
            boolean[] flags = {r % 2 == 0};
            comm.allreduce(Communicator.IN_PLACE, flags, Op.LOR);
            int[] bits = {1 << r};
            comm.allreduce(Communicator.IN_PLACE, bits, Op.BOR);
            s.append(flags[0]).append(',').append(bits[0]).append(';');
            // object tier
            List<String> names = comm.allgatherObject("r" + r);
            String joined = comm.allreduceObject("r" + r, (a, b) -> a + "+" + b);
            String prefix = comm.scanObject("r" + r, (a, b) -> a + "+" + b);
            String exPrefix = comm.exscanObject("r" + r, (a, b) -> a + "+" + b);
            List<Integer> back = comm.gatherObject(r * r, 0);
            String mine = comm.scatterObject(r == 0 ? names : null, 0);
            List<String> swapped = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                swapped.add(r + "->" + j);
            }
            List<String> got = comm.alltoallObject(swapped);
            Integer reduced = comm.reduceObject(r, Integer::sum, 0);
            s.append(names).append('|').append(joined).append('|').append(prefix).append('|').append(exPrefix)
                    .append('|').append(back).append('|').append(mine).append('|').append(got).append('|').append(reduced);
            return s.toString();
        });
        for (int r = 0; r < p; r++) {
            String[] f = out.get(r).split(";");
            assertEquals(r == p / 2 ? Arrays.toString(new double[] {p * (p - 1) / 2.0, p}) : "-", f[0]);
            long[] block = new long[r + 1];
            Arrays.fill(block, (long) p * (p + 1) / 2);
            assertEquals(Arrays.toString(block), f[1]);
            assertEquals((r + 1) * (r + 2) / 2 + "," + (r == 0 ? -7 : r * (r + 1) / 2), f[2]);
            assertEquals("0.0@" + p / 2, f[3]);
            long b = 0;
            long prefixB = 0;
            for (int i = 0; i < p; i++) {
                b = 2 * b + i; // apply rank i's map after the lower ranks'
                if (i == r) {
                    prefixB = b;
                }
            }
            assertEquals((1L << p) + "," + b + "," + prefixB, f[4]);
            assertEquals(true + "," + ((1 << p) - 1), f[5]);
            String[] o = f[6].split("\\|");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                names.add("r" + i);
            }
            assertEquals(names.toString(), o[0]);
            assertEquals(String.join("+", names), o[1]);
            assertEquals(String.join("+", names.subList(0, r + 1)), o[2]);
            assertEquals(r == 0 ? "null" : String.join("+", names.subList(0, r)), o[3]);
            List<Integer> squares = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                squares.add(i * i);
            }
            assertEquals(r == 0 ? squares.toString() : "null", o[4]);
            assertEquals("r" + r, o[5]);
            List<String> got = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                got.add(j + "->" + r);
            }
            assertEquals(got.toString(), o[6]);
            assertEquals(r == 0 ? String.valueOf(p * (p - 1) / 2) : "null", o[7]);
        }
    }

    @ParameterizedTest(name = "{0} elements")
    @ValueSource(ints = {0, 1, 7, 1000, 1_000_000})
    void allreduceOfEverySizeOnFiveRanks(int n) throws Exception {
        List<String> out = run(5, comm -> {
            float[] f = new float[n];
            Arrays.fill(f, comm.rank() + 0.5f);
            comm.allreduce(Communicator.IN_PLACE, f, Op.SUM);
            long[] l = new long[n];
            Arrays.fill(l, comm.rank());
            comm.allreduce(Communicator.IN_PLACE, l, Op.MAX);
            return n == 0 ? "empty" : f[0] + " " + f[n - 1] + " " + l[n / 2];
        });
        for (String s : out) {
            assertEquals(n == 0 ? "empty" : "12.5 12.5 4", s);
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {2, 3})
    void nonBlockingRequestsAndProbe(int p) throws Exception {
        List<String> out = run(p, comm -> {
            int r = comm.rank();
            if (r == 0) {
                // post two receives first; the messages arrive in the other order of tags
                double[] a = new double[2];
                double[] b = new double[3];
                org.mpionspark.mpi.Request ra = comm.irecv(a, 1, 1);
                org.mpionspark.mpi.Request rb = comm.irecv(b, 1, 2);
                comm.send(new int[] {99}, 1, 3);
                int first = org.mpionspark.mpi.Request.waitAny(rb, ra);
                List<org.mpionspark.mpi.Status> st = org.mpionspark.mpi.Request.waitAll(ra, rb);
                org.mpionspark.mpi.Status probed = comm.probe(Communicator.ANY_SOURCE, 4);
                char[] c = new char[probed.count()];
                comm.recv(c, probed.source(), 4);
                return Arrays.toString(a) + Arrays.toString(b) + st.get(1).count() + (first >= 0) + new String(c);
            } else if (r == 1) {
                int[] x = new int[1];
                comm.recv(x, 0, 3);
                comm.isend(new double[] {3, 4, 5}, 0, 2).waitFor();
                comm.isend(new double[] {1, 2}, 0, 1).waitFor();
                comm.send("hi!".toCharArray(), 0, 4);
                int[] mine = {r};
                int[] theirs = new int[1];
                if (p == 2) {
                    return "ok" + x[0];
                }
                comm.sendrecv(mine, 2, 5, theirs, 2, 5);
                return "ok" + x[0] + "," + theirs[0];
            } else if (r == 2) {
                int[] mine = {r};
                comm.sendrecvReplace(mine, 1, 5, 1, 5);
                return "got" + mine[0];
            }
            return "";
        });
        assertEquals("[1.0, 2.0][3.0, 4.0, 5.0]3truehi!", out.get(0));
        assertEquals(p == 2 ? "ok99" : "ok99,2", out.get(1));
        if (p == 3) {
            assertEquals("got1", out.get(2));
        }
    }

    /**
     * Ranks each apart (messages, not memory): the ring on 3, pairwise steps on 4 and 8, with ranks
     * sharing cores and not. Each rank lays the allgatherv's blocks out its own way, with gaps that
     * must stay untouched; uneven reduce-scatter blocks, one of them empty.
     */
    @ParameterizedTest(name = "{0} ranks apart, cores shared: {1}")
    @CsvSource({"3, false", "4, false", "4, true", "8, false", "8, true"})
    void blocksOfEveryLayoutCrossRanksApart(int p, boolean coresShared) throws Exception {
        RankOptions options = RankOptions.DEFAULTS.withCoresShared(coresShared);
        List<String> out = ThreadWorld.values(ThreadWorld.run(p, ThreadWorld.Placement.EACH_APART, options, comm -> {
            int r = comm.rank();
            int[] counts = new int[p];
            int[] displs = new int[p];
            int end = 0;
            for (int i = 0; i < p; i++) {
                counts[i] = 1000 + 7 * i;
                int gap = (i + r) % 3; // this rank's own layout: gaps of 0, 1 or 2 before each block
                displs[i] = end + gap;
                end = displs[i] + counts[i];
            }
            long[] mine = new long[counts[r]];
            Arrays.fill(mine, 100L * r);
            mine[0] = -r;
            long[] all = new long[end + 1];
            Arrays.fill(all, 42);
            comm.allgatherv(mine, 0, counts[r], all, counts, displs);
            long[] expected = new long[end + 1];
            Arrays.fill(expected, 42);
            for (int i = 0; i < p; i++) {
                Arrays.fill(expected, displs[i], displs[i] + counts[i], 100L * i);
                expected[displs[i]] = -i;
            }
            int[] rsCounts = new int[p];
            for (int i = 0; i < p; i++) {
                rsCounts[i] = i == 1 ? 0 : 20_000 + 3 * i; // past 64 KB in all
            }
            int total = Arrays.stream(rsCounts).sum();
            double[] contribution = new double[total];
            for (int k = 0; k < total; k++) {
                contribution[k] = k + r;
            }
            double[] block = new double[rsCounts[r]];
            comm.reduceScatter(contribution, block, rsCounts, Op.SUM);
            int from = Arrays.stream(rsCounts, 0, r).sum();
            List<String> wrong = new ArrayList<>();
            for (int k = 0; k < block.length; k++) {
                double want = (double) p * (from + k) + p * (p - 1) / 2.0;
                if (block[k] != want) {
                    wrong.add("reduceScatter[" + k + "] = " + block[k] + ", expected " + want);
                    break;
                }
            }
            if (!Arrays.equals(expected, all)) {
                wrong.add("allgatherv differs from its reference");
            }
            return wrong.isEmpty() ? "ok" : r + ": " + wrong;
        }));
        assertEquals(java.util.Collections.nCopies(p, "ok"), out);
    }
}
