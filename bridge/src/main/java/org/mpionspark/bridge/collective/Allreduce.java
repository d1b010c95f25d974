package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Allreduce in place on {@code buf}, chosen by size: recursive doubling (log2 p steps of the whole
 * array: least latency) for small arrays, and a ring reduce-scatter then allgather (each rank sends
 * 2(p-1)/p of the array: least bandwidth) for large ones. Both keep a fixed order of combination
 * per element, so every rank ends with bit-identical results.
 */
public final class Allreduce {

    /** Arrays of at least this many bytes take the ring. */
    public static final int RING_THRESHOLD_BYTES = 64 * 1024;

    private Allreduce() {
    }

    public static void run(Links links, ArrayKind kind, Object buf, int count, int elementBytes, Op op) {
        int p = links.size();
        if (p == 1 || count == 0) {
            return;
        }
        if ((long) count * elementBytes >= RING_THRESHOLD_BYTES && count >= p) {
            ring(links, kind, buf, count, op);
        } else {
            recursiveDoubling(links, kind, buf, count, op);
        }
    }

    /** Recursive doubling; with p not a power of two, the first 2*rem ranks pair up first. */
    static void recursiveDoubling(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int r = links.rank();
        Object tmp = java.lang.reflect.Array.newInstance(buf.getClass().getComponentType(), count);
        int pof2 = Integer.highestOneBit(p);
        int rem = p - pof2;
        int newRank;
        if (r < 2 * rem) {
            if (r % 2 == 0) {
                links.send(kind, buf, 0, count, r + 1);
                newRank = -1;
            } else {
                links.recv(kind, tmp, 0, count, r - 1);
                op.apply(tmp, 0, buf, 0, count); // buf = left op right, left being the lower rank
                newRank = r / 2;
            }
        } else {
            newRank = r - rem;
        }
        if (newRank >= 0) {
            for (int mask = 1; mask < pof2; mask <<= 1) {
                int newPeer = newRank ^ mask;
                int peer = newPeer < rem ? newPeer * 2 + 1 : newPeer + rem;
                links.sendrecv(kind, buf, 0, count, peer, tmp, 0, count, peer);
                if (peer < r) {
                    op.apply(tmp, 0, buf, 0, count);
                } else {
                    // keep the lower rank's data on the left on both sides: identical results
                    op.apply(buf, 0, tmp, 0, count);
                    System.arraycopy(tmp, 0, buf, 0, count);
                }
            }
        }
        if (r < 2 * rem) {
            if (r % 2 == 1) {
                links.send(kind, buf, 0, count, r - 1);
            } else {
                links.recv(kind, buf, 0, count, r + 1);
            }
        }
    }

    /** Ring: p-1 steps of reduce-scatter, then p-1 steps of allgather, one segment per step. */
    static void ring(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int r = links.rank();
        int right = (r + 1) % p;
        int left = (r - 1 + p) % p;
        int base = count / p;
        int extra = count % p;
        Object tmp = java.lang.reflect.Array.newInstance(buf.getClass().getComponentType(), base + 1);
        for (int s = 0; s < p - 1; s++) {
            int sendSeg = (r - s + p) % p;
            int recvSeg = (r - s - 1 + p) % p;
            int recvLen = segLen(recvSeg, base, extra);
            links.sendrecv(kind, buf, segStart(sendSeg, base, extra), segLen(sendSeg, base, extra), right,
                    tmp, 0, recvLen, left);
            op.apply(tmp, 0, buf, segStart(recvSeg, base, extra), recvLen);
        }
        for (int s = 0; s < p - 1; s++) {
            int sendSeg = (r - s + 1 + p) % p;
            int recvSeg = (r - s + p) % p;
            links.sendrecv(kind, buf, segStart(sendSeg, base, extra), segLen(sendSeg, base, extra), right,
                    buf, segStart(recvSeg, base, extra), segLen(recvSeg, base, extra), left);
        }
    }

    private static int segStart(int i, int base, int extra) {
        return i * base + Math.min(i, extra);
    }

    private static int segLen(int i, int base, int extra) {
        return base + (i < extra ? 1 : 0);
    }
}
