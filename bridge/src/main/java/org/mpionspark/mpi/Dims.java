package org.mpionspark.mpi;

import java.util.Arrays;

/**
 * {@code MPI_Dims_create}: the most balanced grid for a number of ranks (the smallest spread
 * between its largest and smallest free dimension, as MPICH's), free dimensions in non-increasing
 * order, fixed ones kept. Behind {@link Communicator#dimsCreate}.
 */
final class Dims {

    private Dims() {
    }

    static int[] create(int nnodes, int[] dims) {
        if (dims == null) {
            throw new IllegalArgumentException("dimsCreate: dims is null");
        }
        if (nnodes < 1 || dims.length < 1) {
            throw new IllegalArgumentException("dimsCreate needs at least 1 rank and 1 dimension, not " + nnodes
                    + " and " + dims.length);
        }
        int fixed = 1;
        int free = 0;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("dimsCreate: a dimension is 0 (free) or positive (fixed), not "
                        + d + " in " + Arrays.toString(dims));
            }
            if (d > 0) {
                fixed *= d;
            } else {
                free++;
            }
        }
        if (nnodes % fixed != 0) {
            throw new IllegalArgumentException("dimsCreate: " + nnodes + " ranks do not fill the fixed dimensions "
                    + Arrays.toString(dims) + " (their product " + fixed + " must divide " + nnodes + ")");
        }
        int left = nnodes / fixed;
        if (free == 0 && left != 1) {
            throw new IllegalArgumentException("dimsCreate: the fixed dimensions " + Arrays.toString(dims) + " hold "
                    + fixed + " ranks, not " + nnodes);
        }
        int[] chosen = free == 0 ? new int[0] : balanced(left, free);
        int[] out = dims.clone();
        for (int i = 0, j = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = chosen[j++];
            }
        }
        return out;
    }

    /** {@code k} factors of {@code n}, non-increasing, with the least spread between the first and the last. */
    private static int[] balanced(int n, int k) {
        int[] best = new int[k];
        int[] current = new int[k];
        best[0] = -1;
        search(n, k, 0, n, current, best);
        return best;
    }

    /** Factors {@code n} into positions {@code at..k-1}, each at most {@code max}; keeps the best in {@code best}. */
    private static void search(int n, int k, int at, int max, int[] current, int[] best) {
        if (at == k - 1) {
            if (n > max) {
                return;
            }
            current[at] = n;
            if (best[0] < 0 || current[0] - current[k - 1] < best[0] - best[k - 1]) {
                System.arraycopy(current, 0, best, 0, k);
            }
            return;
        }
        int lowest = (int) Math.ceil(Math.pow(n, 1.0 / (k - at)) - 1e-9); // the first factor is at least the root
        for (int f = lowest; f <= Math.min(max, n); f++) {
            if (n % f != 0) {
                continue;
            }
            current[at] = f;
            search(n / f, k, at + 1, f, current, best);
        }
    }
}
