package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/** Allgatherv by a ring: p-1 steps, each rank passes on the block it received last. */
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
        int right = (r + 1) % p;
        int left = (r - 1 + p) % p;
        for (int s = 0; s < p - 1; s++) {
            int out = (r - s + p) % p;
            int in = (r - s - 1 + p) % p;
            links.sendrecv(kind, recvbuf, blocks.displs()[out], blocks.counts()[out], right,
                    recvbuf, blocks.displs()[in], blocks.counts()[in], left);
        }
    }
}
