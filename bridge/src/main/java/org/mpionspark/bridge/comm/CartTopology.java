package org.mpionspark.bridge.comm;

import org.mpionspark.mpi.Communicator;

/** The arithmetic of a Cartesian grid in row-major order: ranks to coordinates and back, shifts. */
record CartTopology(int[] dims, boolean[] periods) {

    /** Checks {@code dims} and {@code periods} for a grid within {@code size} ranks; {@code op} names the call in errors. */
    static CartTopology of(Arguments check, String op, int[] dims, boolean[] periods, int size) {
        if (dims == null || periods == null || dims.length == 0 || dims.length != periods.length) {
            throw check.misuse(op, "dims and periods must be non-empty arrays of one length, not "
                    + (dims == null ? "null" : dims.length) + " and " + (periods == null ? "null" : periods.length));
        }
        long cells = 1;
        for (int d : dims) {
            if (d < 1) {
                throw check.misuse(op, "every dimension needs at least 1 rank, not " + java.util.Arrays.toString(dims));
            }
            cells *= d;
        }
        if (cells > size) {
            throw check.misuse(op, "a grid of " + cells + " ranks " + java.util.Arrays.toString(dims)
                    + " does not fit in a communicator of " + size);
        }
        return new CartTopology(dims.clone(), periods.clone());
    }

    int cells() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    int[] coords(int rank) {
        int[] c = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            c[d] = rank % dims[d];
            rank /= dims[d];
        }
        return c;
    }

    /** The rank at {@code coords}, wrapping periodic dimensions; {@code PROC_NULL} outside a non-periodic one. */
    int rankAt(int[] coords) {
        int rank = 0;
        for (int d = 0; d < dims.length; d++) {
            int c = coords[d];
            if (periods[d]) {
                c = Math.floorMod(c, dims[d]);
            } else if (c < 0 || c >= dims[d]) {
                return Communicator.PROC_NULL;
            }
            rank = rank * dims[d] + c;
        }
        return rank;
    }

    /** {@code {source, dest}} of a shift by {@code disp} along {@code direction} from {@code rank}. */
    int[] shift(int rank, int direction, int disp) {
        int[] here = coords(rank);
        int[] back = here.clone();
        int[] forth = here.clone();
        back[direction] -= disp;
        forth[direction] += disp;
        return new int[] {rankAt(back), rankAt(forth)};
    }

    /** The grid of the dimensions kept, and the color of {@code rank}'s sub-grid (the index of its dropped coordinates). */
    CartTopology keep(boolean[] remain) {
        int n = 0;
        for (boolean r : remain) {
            n += r ? 1 : 0;
        }
        int[] d = new int[n];
        boolean[] p = new boolean[n];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (remain[i]) {
                d[j] = dims[i];
                p[j++] = periods[i];
            }
        }
        return new CartTopology(d, p);
    }

    int subColor(int rank, boolean[] remain) {
        int[] c = coords(rank);
        int color = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!remain[i]) {
                color = color * dims[i] + c[i];
            }
        }
        return color;
    }
}
