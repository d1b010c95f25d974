package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/** Binomial-tree broadcast: log2 p steps, each rank forwards what it got to the ranks below it. */
public final class Bcast {

    private Bcast() {
    }

    public static void run(Links links, ArrayKind kind, Object buf, int offset, int count, int root) {
        int p = links.size();
        int vr = (links.rank() - root + p) % p;
        int mask = 1;
        while (mask < p) {
            if ((vr & mask) != 0) {
                links.recv(kind, buf, offset, count, (vr - mask + root) % p);
                break;
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0) {
            if (vr + mask < p) {
                links.send(kind, buf, offset, count, (vr + mask + root) % p);
            }
            mask >>= 1;
        }
    }
}
