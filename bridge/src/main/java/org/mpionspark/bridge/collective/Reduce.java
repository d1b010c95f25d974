package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Reduce by a binomial tree towards rank 0, lower ranks always on the left so that a
 * non-commutative operation is applied in rank order; rank 0 then hands the result to the root.
 */
public final class Reduce {

    private Reduce() {
    }

    /** Reduces {@code data} (every rank's, clobbered) into {@code data} at {@code root}. */
    public static void run(Links links, ArrayKind kind, Object data, int count, Op op, int root) {
        int p = links.size();
        int r = links.rank();
        Object tmp = Scratch.take(kind, count);
        for (int mask = 1; mask < p; mask <<= 1) {
            if ((r & mask) != 0) {
                links.send(kind, data, 0, count, r - mask);
                break;
            }
            if (r + mask < p) {
                links.recv(kind, tmp, 0, count, r + mask);
                if (op.commutative()) {
                    op.apply(tmp, 0, data, 0, count); // data = theirs op mine: no copy needed
                } else {
                    op.apply(data, 0, tmp, 0, count); // tmp = mine (lower ranks) op theirs
                    System.arraycopy(tmp, 0, data, 0, count);
                }
            }
        }
        if (root != 0) {
            if (r == 0) {
                links.send(kind, data, 0, count, root);
            } else if (r == root) {
                links.recv(kind, data, 0, count, 0);
            }
        }
        Scratch.give(kind, tmp);
    }
}
