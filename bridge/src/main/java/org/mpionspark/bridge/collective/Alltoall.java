package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/** Alltoallv by pairwise exchange: at step s, send to rank+s and receive from rank-s. */
public final class Alltoall {

    private Alltoall() {
    }

    public static void run(Links links, ArrayKind kind, Object sendbuf, Blocks send, Object recvbuf, Blocks recv) {
        int p = links.size();
        int r = links.rank();
        System.arraycopy(sendbuf, send.displs()[r], recvbuf, recv.displs()[r], send.counts()[r]);
        for (int s = 1; s < p; s++) {
            int dest = (r + s) % p;
            int source = (r - s + p) % p;
            links.sendrecv(kind, sendbuf, send.displs()[dest], send.counts()[dest], dest,
                    recvbuf, recv.displs()[source], recv.counts()[source], source);
        }
    }
}
