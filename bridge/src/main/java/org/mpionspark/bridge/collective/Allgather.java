package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/**
 * Allgatherv: by recursive doubling where p is a power of two (log2 p pairwise steps, each rank's
 * run of blocks doubling), else round a ring (p-1 steps, each rank passing on the block it
 * received last). Each rank receives every other block once. The choice rests on p alone: a
 * rank's displacements describe its own buffer and may differ from another's.
 */
public final class Allgather {

    private Allgather() {
    }

    /** A null {@code sendbuf} means IN_PLACE: this rank's block is already in {@code recvbuf}. */
    public static void run(Links links, ArrayKind kind, Object sendbuf, int sendOffset, Object recvbuf, Blocks blocks) {
        int p = links.size();
        int r = links.rank();
        if (sendbuf != null) {
            System.arraycopy(sendbuf, sendOffset, recvbuf, blocks.displs()[r], blocks.counts()[r]);
        }
        if (Integer.bitCount(p) == 1) {
            doubling(links, kind, recvbuf, blocks);
            return;
        }
        int right = (r + 1) % p;
        int left = (r - 1 + p) % p;
        for (int s = 0; s < p - 1; s++) {
            int out = (r - s + p) % p;
            int in = (r - s - 1 + p) % p;
            links.sendrecv(kind, recvbuf, blocks.displs()[out], blocks.counts()[out], right,
                    recvbuf, blocks.displs()[in], blocks.counts()[in], left);
        }
    }

    /**
     * Recursive doubling, nearest partner first: after log2 p steps every rank holds every block.
     * Blocks that do not lie end to end go through a packed copy, so that each step sends one range.
     */
    static void doubling(Links links, ArrayKind kind, Object buf, Blocks blocks) {
        if (blocks.contiguous()) {
            doublingInPlace(links, kind, buf, blocks);
            return;
        }
        int r = links.rank();
        Blocks packed = Blocks.packed(blocks.counts());
        Object copy = Scratch.take(kind, packed.total());
        System.arraycopy(buf, blocks.displs()[r], copy, packed.displs()[r], blocks.counts()[r]);
        doublingInPlace(links, kind, copy, packed);
        for (int i = 0; i < blocks.counts().length; i++) {
            if (i != r) {
                System.arraycopy(copy, packed.displs()[i], buf, blocks.displs()[i], blocks.counts()[i]);
            }
        }
        Scratch.give(kind, copy);
    }

    private static void doublingInPlace(Links links, ArrayKind kind, Object buf, Blocks blocks) {
        int p = links.size();
        int r = links.rank();
        int[] at = ReduceScatter.bounds(blocks);
        int lo = r;
        int hi = r + 1;
        for (int mask = 1; mask < p; mask <<= 1) {
            int peer = r ^ mask;
            int theirLo = (r & mask) == 0 ? hi : lo - (hi - lo);
            int theirHi = theirLo + (hi - lo);
            links.sendrecv(kind, buf, at[lo], at[hi] - at[lo], peer, buf, at[theirLo], at[theirHi] - at[theirLo], peer);
            lo = Math.min(lo, theirLo);
            hi = Math.max(hi, theirHi);
        }
    }
}
