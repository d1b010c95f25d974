package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Barrier. Dissemination (ceil(log2 p) rounds, each rank sends to rank+2^k and hears from
 * rank-2^k) when every rank has a core; when ranks share cores, a binomial fan-in to rank 0 and
 * fan-out back, which sends 2(p-1) messages instead of p log2 p.
 */
public final class Barrier {

    private Barrier() {
    }

    public static void run(Links links) {
        int p = links.size();
        int r = links.rank();
        byte[] token = new byte[1];
        if (links.coresShared()) {
            Reduce.run(links, ArrayKind.BYTE, token, 1, Op.BOR, 0);
            Bcast.run(links, ArrayKind.BYTE, token, 0, 1, 0);
            return;
        }
        byte[] in = new byte[1];
        for (int k = 1; k < p; k <<= 1) {
            links.sendrecv(ArrayKind.BYTE, token, 0, 1, (r + k) % p, in, 0, 1, (r - k + p) % p);
        }
    }
}
