package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Ring reduce-scatter for commutative operations: p-1 steps, each rank adds the block arriving
 * from its left neighbour to its own and passes it on; rank r ends with block r fully reduced.
 * Each rank sends (p-1)/p of the data: bandwidth-optimal.
 */
public final class ReduceScatter {

    private ReduceScatter() {
    }

    public static void ring(Links links, ArrayKind kind, Object data, Blocks blocks, Op op) {
        int p = links.size();
        int r = links.rank();
        int right = (r + 1) % p;
        int left = (r - 1 + p) % p;
        int max = 0;
        for (int c : blocks.counts()) {
            max = Math.max(max, c);
        }
        Object tmp = Scratch.take(kind, max);
        for (int s = 0; s < p - 1; s++) {
            int out = ((r - s - 1) % p + p) % p;
            int in = ((r - s - 2) % p + p) % p;
            links.sendrecv(kind, data, blocks.displs()[out], blocks.counts()[out], right,
                    tmp, 0, blocks.counts()[in], left);
            op.apply(tmp, 0, data, blocks.displs()[in], blocks.counts()[in]);
        }
        Scratch.give(kind, tmp);
    }
}
