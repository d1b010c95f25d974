package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.ArrayKind;

/** Dissemination barrier: ceil(log2 p) rounds, each rank sends to rank+2^k and hears from rank-2^k. */
public final class Barrier {

    private Barrier() {
    }

    public static void run(Links links) {
        int p = links.size();
        int r = links.rank();
        byte[] token = new byte[1];
        byte[] in = new byte[1];
        for (int k = 1; k < p; k <<= 1) {
            links.sendrecv(ArrayKind.BYTE, token, 0, 1, (r + k) % p, in, 0, 1, (r - k + p) % p);
        }
    }
}
