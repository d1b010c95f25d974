package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Inclusive and exclusive prefix reductions by recursive doubling (log2 p steps): at step k a
 * rank receives the partial result of the 2^k ranks below it, always on the left.
 */
public final class Scan {

    private Scan() {
    }

    /**
     * Leaves in {@code data} the reduction of ranks 0..r (inclusive) or 0..r-1 (exclusive; rank 0's
     * {@code data} is then left as it was, MPI leaving it undefined).
     */
    public static void run(Links links, ArrayKind kind, Object data, int count, Op op, boolean inclusive) {
        int p = links.size();
        int r = links.rank();
        Object partial = Scratch.take(kind, count);
        System.arraycopy(data, 0, partial, 0, count);
        Object tmp = Scratch.take(kind, count);
        Object exclusive = inclusive ? null : Scratch.take(kind, count);
        boolean haveExclusive = false;
        for (int mask = 1; mask < p; mask <<= 1) {
            int up = r + mask;
            int down = r - mask;
            if (up < p && down >= 0) {
                links.sendrecv(kind, partial, 0, count, up, tmp, 0, count, down);
            } else if (up < p) {
                links.send(kind, partial, 0, count, up);
                continue;
            } else if (down >= 0) {
                links.recv(kind, tmp, 0, count, down);
            } else {
                continue;
            }
            op.apply(tmp, 0, partial, 0, count);
            if (inclusive) {
                op.apply(tmp, 0, data, 0, count);
            } else if (haveExclusive) {
                op.apply(tmp, 0, exclusive, 0, count);
            } else {
                System.arraycopy(tmp, 0, exclusive, 0, count);
                haveExclusive = true;
            }
        }
        if (!inclusive && haveExclusive) {
            System.arraycopy(exclusive, 0, data, 0, count);
        }
        Scratch.give(kind, partial);
        Scratch.give(kind, tmp);
        if (exclusive != null) {
            Scratch.give(kind, exclusive);
        }
    }
}
