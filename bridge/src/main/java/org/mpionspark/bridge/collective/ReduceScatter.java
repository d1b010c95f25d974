package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Reduce-scatter for commutative operations: rank r ends with block r fully reduced, each rank
 * sending (p-1)/p of the data (bandwidth-optimal). By recursive halving (log2 p pairwise steps)
 * where p is a power of two, else round a ring (p-1 steps). The blocks are packed, as every
 * caller's are (the same on every rank, so every rank chooses alike).
 */
public final class ReduceScatter {

    private ReduceScatter() {
    }

    /** Reduce-scatter of {@code data} (packed blocks) by halving on a power of two of ranks, else by the ring. */
    public static void run(Links links, ArrayKind kind, Object data, Blocks blocks, Op op) {
        if (Integer.bitCount(links.size()) == 1) {
            halving(links, kind, data, blocks, op);
        } else {
            ring(links, kind, data, blocks, op);
        }
    }

    /**
     * Recursive halving: at each step, with the farthest partner first, a rank keeps the half of
     * its run of blocks on its side, sends the other half to its partner and reduces the partner's
     * copy of its own half into it; after log2 p steps its run is its own block.
     */
    static void halving(Links links, ArrayKind kind, Object data, Blocks blocks, Op op) {
        int p = links.size();
        int r = links.rank();
        int[] at = bounds(blocks);
        int lo = 0;
        int hi = p;
        Object tmp = null;
        for (int mask = p >> 1; mask > 0; mask >>= 1) {
            int peer = r ^ mask;
            int mid = (lo + hi) >>> 1;
            boolean lower = (r & mask) == 0;
            int keepLo = lower ? lo : mid;
            int keepHi = lower ? mid : hi;
            int sendLo = lower ? mid : lo;
            int sendHi = lower ? hi : mid;
            int keep = at[keepHi] - at[keepLo];
            if (tmp == null) {
                tmp = Scratch.take(kind, keep); // every later run lies inside this first one
            }
            links.sendrecv(kind, data, at[sendLo], at[sendHi] - at[sendLo], peer, tmp, 0, keep, peer);
            op.apply(tmp, 0, data, at[keepLo], keep);
            lo = keepLo;
            hi = keepHi;
        }
        if (tmp != null) {
            Scratch.give(kind, tmp);
        }
    }

    /** {@code at[i]}: where block i starts, {@code at[p]}: where the last ends (blocks end to end). */
    static int[] bounds(Blocks blocks) {
        int p = blocks.counts().length;
        int[] at = new int[p + 1];
        at[0] = blocks.displs()[0];
        for (int i = 0; i < p; i++) {
            at[i + 1] = at[i] + blocks.counts()[i];
        }
        return at;
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
