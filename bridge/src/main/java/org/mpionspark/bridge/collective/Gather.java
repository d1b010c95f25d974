package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/** Gatherv: every rank sends its block straight to the root, which receives each into place. */
public final class Gather {

    private Gather() {
    }

    /** {@code recvbuf} and {@code blocks} matter at the root only. */
    public static void run(Links links, ArrayKind kind, Object sendbuf, int sendOffset, int sendCount,
                           Object recvbuf, Blocks blocks, int root) {
        int r = links.rank();
        if (r != root) {
            links.send(kind, sendbuf, sendOffset, sendCount, root);
            return;
        }
        if (sendbuf != null) { // null: IN_PLACE, the root's block is already where it belongs
            System.arraycopy(sendbuf, sendOffset, recvbuf, blocks.displs()[root], sendCount);
        }
        for (int i = 0; i < links.size(); i++) {
            if (i != root) {
                links.recv(kind, recvbuf, blocks.displs()[i], blocks.counts()[i], i);
            }
        }
    }
}
