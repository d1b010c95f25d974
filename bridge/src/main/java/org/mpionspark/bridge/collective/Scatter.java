package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/** Scatterv: the root sends each rank its block straight. */
public final class Scatter {

    private Scatter() {
    }

    /** {@code sendbuf} and {@code blocks} matter at the root only; a null {@code recvbuf} at the root means IN_PLACE. */
    public static void run(Links links, ArrayKind kind, Object sendbuf, Blocks blocks, Object recvbuf,
                           int recvOffset, int recvCount, int root) {
        int r = links.rank();
        if (r != root) {
            links.recv(kind, recvbuf, recvOffset, recvCount, root);
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            if (i != root) {
                links.send(kind, sendbuf, blocks.displs()[i], blocks.counts()[i], i);
            }
        }
        if (recvbuf != null) {
            System.arraycopy(sendbuf, blocks.displs()[root], recvbuf, recvOffset, blocks.counts()[root]);
        }
    }
}
