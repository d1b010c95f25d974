package org.mpionspark.bridge.comm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Every collective that moves blocks or scans, called on one communicator with awkward layouts
 * (uneven counts, empty blocks, gaps between blocks placed out of rank order, IN_PLACE, a
 * non-commutative operation), each result compared with the one computed here: the list of what
 * came out wrong, empty when all is right. {@code unit} scales every block (1: small, far below
 * the two-level threshold; 2048 and up: above it).
 */
final class CollectiveBattery {

    /** 2x2 matrices of longs, multiplied (wrapping, so still associative): not commutative. */
    static final Op MATMUL = Op.create("MATMUL", (in, inOff, io, ioOff, count) -> {
        long[] a = (long[]) in;
        long[] b = (long[]) io;
        for (int i = 0; i < count; i += 4) {
            long[] m = multiply(a, inOff + i, b, ioOff + i);
            System.arraycopy(m, 0, b, ioOff + i, 4);
        }
    }, false, 4);

    private final Communicator comm;
    private final int unit;
    private final int p;
    private final int r;
    private final List<String> wrong = new ArrayList<>();

    private CollectiveBattery(Communicator comm, int unit) {
        this.comm = comm;
        this.unit = unit;
        this.p = comm.size();
        this.r = comm.rank();
    }

    /** Runs every collective of the battery on {@code comm}; what came out wrong, prefixed by {@code where}. */
    static List<String> run(Communicator comm, int unit, String where) {
        CollectiveBattery b = new CollectiveBattery(comm, unit);
        b.gathers();
        b.scatters();
        b.alltoalls();
        b.reduceScatters();
        b.scans();
        b.objects();
        return b.wrong.stream().map(w -> where + ", rank " + b.r + " of " + b.p + ": " + w).toList();
    }

    /** Rank {@code q}'s element {@code i}: different on every rank and index. */
    static long value(int q, int i) {
        return 1_000_003L * q + 7L * i + 1;
    }

    /** Block sizes with an empty one: rank q's is (q * 7 + 3) % 5 units (0 for q = 4, 9, ...). */
    private int count(int q) {
        return (q * 7 + 3) % 5 * unit;
    }

    /** Displacements of blocks of {@code counts} in reverse rank order with a gap of {@code gap} before each. */
    private static int[] reversedWithGaps(int[] counts, int gap) {
        int[] displs = new int[counts.length];
        int at = 0;
        for (int q = counts.length - 1; q >= 0; q--) {
            at += gap;
            displs[q] = at;
            at += counts[q];
        }
        return displs;
    }

    private static int end(int[] counts, int[] displs, int gap) {
        int n = gap;
        for (int q = 0; q < counts.length; q++) {
            n = Math.max(n, displs[q] + counts[q] + gap);
        }
        return n;
    }

    private void gathers() {
        int[] counts = new int[p];
        Arrays.setAll(counts, this::count);
        int[] displs = reversedWithGaps(counts, 2);
        int length = end(counts, displs, 2);
        long[] expected = new long[length];
        Arrays.fill(expected, -9);
        for (int q = 0; q < p; q++) {
            for (int i = 0; i < counts[q]; i++) {
                expected[displs[q] + i] = value(q, i);
            }
        }
        long[] mine = block(r, counts[r]);
        for (int root = 0; root < p; root++) {
            long[] all = new long[length];
            Arrays.fill(all, -9);
            comm.gatherv(mine, 0, mine.length, r == root ? all : null, counts, displs, root);
            same("gatherv to " + root, r == root ? expected : null, r == root ? all : null);
            long[] equal = new long[r == root ? unit * p : 0];
            if (r == root) {
                System.arraycopy(block(r, unit), 0, equal, r * unit, unit);
            }
            comm.gather(r == root ? Communicator.IN_PLACE : block(r, unit), r == root ? equal : null, root);
            same("gather IN_PLACE to " + root, r == root ? concat(p, unit) : null, r == root ? equal : null);
        }
    }

    private void scatters() {
        int[] counts = new int[p];
        Arrays.setAll(counts, this::count);
        int[] displs = reversedWithGaps(counts, 3);
        long[] source = new long[end(counts, displs, 3)];
        for (int q = 0; q < p; q++) {
            System.arraycopy(block(q, counts[q]), 0, source, displs[q], counts[q]);
        }
        for (int root = 0; root < p; root++) {
            long[] got = new long[counts[r] + 2];
            Arrays.fill(got, -9);
            comm.scatterv(r == root ? source : null, counts, displs, got, 1, counts[r], root);
            long[] expected = new long[counts[r] + 2];
            Arrays.fill(expected, -9);
            System.arraycopy(block(r, counts[r]), 0, expected, 1, counts[r]);
            same("scatterv from " + root, expected, got);
            long[] all = r == root ? concat(p, unit) : null;
            long[] one = new long[unit];
            comm.scatter(all, r == root ? Communicator.IN_PLACE : one, root);
            same("scatter IN_PLACE from " + root, r == root ? concat(p, unit) : block(r, unit), r == root ? all : one);
        }
    }

    /** Rank s sends rank d (s + 2d) % 4 units: uneven, some empty, each pair its own values. */
    private void alltoalls() {
        int[] sendCounts = new int[p];
        int[] recvCounts = new int[p];
        for (int q = 0; q < p; q++) {
            sendCounts[q] = (r + 2 * q) % 4 * unit;
            recvCounts[q] = (q + 2 * r) % 4 * unit;
        }
        int[] sendDispls = reversedWithGaps(sendCounts, 1);
        int[] recvDispls = reversedWithGaps(recvCounts, 3);
        long[] send = new long[end(sendCounts, sendDispls, 1)];
        for (int d = 0; d < p; d++) {
            for (int i = 0; i < sendCounts[d]; i++) {
                send[sendDispls[d] + i] = value(r, i) * 64 + d;
            }
        }
        long[] got = new long[end(recvCounts, recvDispls, 3)];
        Arrays.fill(got, -9);
        long[] expected = got.clone();
        for (int s = 0; s < p; s++) {
            for (int i = 0; i < recvCounts[s]; i++) {
                expected[recvDispls[s] + i] = value(s, i) * 64 + r;
            }
        }
        comm.alltoallv(send, sendCounts, sendDispls, got, recvCounts, recvDispls);
        same("alltoallv", expected, got);
        long[] equalIn = new long[p * unit];
        Arrays.setAll(equalIn, i -> value(r, i));
        long[] equalOut = new long[p * unit];
        comm.alltoall(equalIn, equalOut);
        long[] equalExpected = new long[p * unit];
        Arrays.setAll(equalExpected, i -> value(i / unit, r * unit + i % unit));
        same("alltoall", equalExpected, equalOut);
    }

    private void reduceScatters() {
        int[] counts = new int[p];
        Arrays.setAll(counts, q -> 4 * count(q));
        int total = Arrays.stream(counts).sum();
        long[] mine = matrices(r, total);
        for (Op op : new Op[] {Op.SUM, MATMUL}) {
            long[] got = new long[counts[r]];
            comm.reduceScatter(mine, got, counts, op);
            long[] all = reduced(op, p - 1, total);
            int from = 0;
            for (int q = 0; q < r; q++) {
                from += counts[q];
            }
            same("reduceScatter " + op, Arrays.copyOfRange(all, from, from + counts[r]), got);
        }
    }

    private void scans() {
        int n = 4 * unit;
        for (Op op : new Op[] {Op.SUM, MATMUL}) {
            long[] got = new long[n];
            comm.scan(matrices(r, n), got, op);
            same("scan " + op, reduced(op, r, n), got);
            long[] ex = new long[n];
            Arrays.fill(ex, -9);
            comm.exscan(matrices(r, n), ex, op);
            if (r > 0) {
                same("exscan " + op, reduced(op, r - 1, n), ex);
            }
            long[] inPlace = matrices(r, n);
            comm.scan(Communicator.IN_PLACE, inPlace, op);
            same("scan IN_PLACE " + op, reduced(op, r, n), inPlace);
        }
    }

    private void objects() {
        String me = "r" + r + "x" + unit;
        for (int root = 0; root < p; root++) {
            List<String> all = comm.gatherObject(me, root);
            sameObject("gatherObject to " + root, r == root ? names(p) : null, all);
            String one = comm.scatterObject(r == root ? names(p) : null, root);
            sameObject("scatterObject from " + root, me, one);
        }
        sameObject("allgatherObject", names(p), comm.allgatherObject(me));
        List<String> out = new ArrayList<>();
        List<String> in = new ArrayList<>();
        for (int q = 0; q < p; q++) {
            out.add(r + ">" + q + "x" + unit);
            in.add(q + ">" + r + "x" + unit);
        }
        sameObject("alltoallObject", in, comm.alltoallObject(out));
        sameObject("scanObject", String.join("", names(r + 1)), comm.scanObject(me, String::concat));
    }

    private List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            out.add("r" + q + "x" + unit);
        }
        return out;
    }

    private static long[] block(int q, int n) {
        long[] b = new long[n];
        Arrays.setAll(b, i -> value(q, i));
        return b;
    }

    private static long[] concat(int ranks, int n) {
        long[] all = new long[ranks * n];
        for (int q = 0; q < ranks; q++) {
            System.arraycopy(block(q, n), 0, all, q * n, n);
        }
        return all;
    }

    /** Rank q's matrices: small entries, so products stay readable, different per rank and index. */
    private static long[] matrices(int q, int n) {
        long[] m = new long[n];
        Arrays.setAll(m, i -> (q * 5L + i % 4 * 3L + i / 4) % 7 - 3);
        return m;
    }

    /** Ranks 0 to {@code last}'s matrices reduced by {@code op}, in rank order. */
    private static long[] reduced(Op op, int last, int n) {
        long[] acc = matrices(last, n);
        for (int q = last - 1; q >= 0; q--) {
            long[] left = matrices(q, n);
            for (int i = 0; i < n; i += 4) {
                long[] m = op == MATMUL ? multiply(left, i, acc, i) : new long[] {left[i] + acc[i],
                        left[i + 1] + acc[i + 1], left[i + 2] + acc[i + 2], left[i + 3] + acc[i + 3]};
                System.arraycopy(m, 0, acc, i, 4);
            }
        }
        return acc;
    }

    private static long[] multiply(long[] a, int i, long[] b, int j) {
        return new long[] {a[i] * b[j] + a[i + 1] * b[j + 2], a[i] * b[j + 1] + a[i + 1] * b[j + 3],
                a[i + 2] * b[j] + a[i + 3] * b[j + 2], a[i + 2] * b[j + 1] + a[i + 3] * b[j + 3]};
    }

    private void same(String what, long[] expected, long[] got) {
        if (!Arrays.equals(expected, got)) {
            wrong.add(what + " differs" + (expected == null || got == null ? "" : " from index "
                    + Arrays.mismatch(expected, got)));
        }
    }

    private void sameObject(String what, Object expected, Object got) {
        if (!java.util.Objects.equals(expected, got)) {
            wrong.add(what + " gave " + got + ", not " + expected);
        }
    }
}
