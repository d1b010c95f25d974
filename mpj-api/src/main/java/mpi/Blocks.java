package mpi;

/**
 * Per-rank blocks of a v-collective in base elements: MPJ Express gives counts in items and
 * displacements in extents of a datatype; mpi-on-spark's v-collectives take blocks packed in rank order.
 */
final class Blocks {

    private Blocks() {
    }

    /** {@code count} items for each of {@code n} ranks, rank {@code i}'s at {@code i * count}. */
    static int[] uniform(int n, int count) {
        int[] c = new int[n];
        java.util.Arrays.fill(c, count);
        return c;
    }

    static int[] displs(int n, int count) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = i * count;
        }
        return d;
    }

    /** {@code counts} items of {@code t}, in base elements. */
    static int[] elements(int[] counts, Datatype t) {
        int[] e = new int[counts.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = counts[i] * t.size;
        }
        return e;
    }

    static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    /** Rank {@code i}'s {@code counts[i]} items at {@code offset + displs[i]} extents of {@code buf}, packed one after another. */
    static Object packAll(String op, Object buf, int offset, int[] counts, int[] displs, Datatype t) {
        Object out = Packing.newArray(t, sum(elements(counts, t)));
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            Object block = Packing.pack(op, buf, offset + displs[i] * t.Extent(), counts[i], t);
            int n = java.lang.reflect.Array.getLength(block);
            System.arraycopy(block, 0, out, at, n);
            at += n;
        }
        return out;
    }

    /** The inverse of {@link #packAll}: block {@code i} of {@code packed} to {@code offset + displs[i]} extents of {@code buf}. */
    static void unpackAll(String op, Object packed, Object buf, int offset, int[] counts, int[] displs, Datatype t) {
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            int n = counts[i] * t.size;
            Packing.unpack(op, packed, at, n, buf, offset + displs[i] * t.Extent(), t);
            at += n;
        }
    }

    /** The first {@code n} entries of {@code a} (one per rank; MPI reads no more), refused if it has fewer. */
    static int[] first(String op, String what, int[] a, int n) {
        if (a == null || a.length < n) {
            throw new MPIException(op + ": " + what + " must hold one entry per rank (" + n + "), not "
                    + (a == null ? "null" : a.length));
        }
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    /** Refuses a send type and a receive type of different base types. */
    static void same(String op, Datatype send, Datatype recv) {
        if (send.baseType != recv.baseType) {
            throw new MPIException(op + ": the send type " + send + " and the receive type " + recv
                    + " have different base types");
        }
    }
}
