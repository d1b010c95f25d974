package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Allreduce in place on {@code buf}, chosen by size and by whether ranks share cores. Large
 * arrays of a commutative operation take a reduce-scatter then an allgather (each rank sends
 * 2(p-1)/p of the array: least bandwidth): by recursive halving and doubling where p is a power
 * of two (2 log2 p steps), else by a ring (2(p-1) steps). Small ones, and non-commutative
 * operations, take recursive doubling (log2 p rounds: least latency) when every rank has a core, or a binomial
 * reduce then broadcast (2(p-1) messages instead of p log2 p) when ranks share cores, where the
 * number of messages, not of rounds, sets the time. Every rank ends with bit-identical results.
 */
public final class Allreduce {

    /** Arrays of at least this many bytes take the reduce-scatter and allgather, when every rank has a core. */
    public static final int RING_THRESHOLD_BYTES = 64 * 1024;

    /**
     * The same when ranks share cores: the ring's 2p(p-1) messages (2p log2 p by halving) cost more than the tree's
     * 2(p-1) up to a few megabytes (measured on 4 ranks and 2 cores: benchmarks/README.md).
     */
    public static final int SHARED_RING_THRESHOLD_BYTES = 4 * 1024 * 1024;

    private Allreduce() {
    }

    public static void run(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        if (p == 1 || count == 0) {
            return;
        }
        long bytes = (long) count * kind.bytes();
        int ringFrom = links.coresShared() ? SHARED_RING_THRESHOLD_BYTES : RING_THRESHOLD_BYTES;
        if (op.commutative() && bytes >= ringFrom && count / op.block() >= p) {
            if (Integer.bitCount(p) == 1) {
                halving(links, kind, buf, count, op);
            } else {
                ring(links, kind, buf, count, op);
            }
        } else if (links.coresShared()) {
            Reduce.run(links, kind, buf, count, op, 0);
            Bcast.run(links, kind, buf, 0, count, 0);
        } else {
            recursiveDoubling(links, kind, buf, count, op);
        }
    }

    /** Recursive doubling; with p not a power of two, the first 2*rem ranks pair up first. */
    static void recursiveDoubling(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int r = links.rank();
        Object tmp = Scratch.take(kind, count);
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
        Scratch.give(kind, tmp);
    }

    /**
     * Ring: p-1 steps of reduce-scatter, then p-1 steps of allgather, one part per rank; parts are
     * cut between the operation's blocks (MINLOC's pairs, a user's matrices), never inside one.
     */
    static void ring(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int unit = op.block();
        int units = count / unit;
        int[] counts = new int[p];
        for (int i = 0; i < p; i++) {
            counts[i] = unit * (units / p + (i < units % p ? 1 : 0));
        }
        Blocks blocks = Blocks.packed(counts);
        ReduceScatter.ring(links, kind, buf, blocks, op);
        Allgather.run(links, kind, null, 0, buf, blocks);
    }

    /**
     * Rabenseifner's, for a power-of-two {@code p}: a reduce-scatter by recursive halving (the
     * farthest partner first), then an allgather by recursive doubling: the ring's bytes in
     * 2 log2 p steps instead of 2 (p - 1), each a pairwise exchange. Rank r ends the first half
     * owning part r, cut between the operation's blocks as in {@link #ring}.
     */
    static void halving(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int r = links.rank();
        int unit = op.block();
        int units = count / unit;
        int[] start = new int[p + 1];
        for (int i = 0; i < p; i++) {
            start[i + 1] = start[i] + unit * (units / p + (i < units % p ? 1 : 0));
        }
        Object tmp = Scratch.take(kind, start[p / 2]); // the lower half is the larger
        int lo = 0;
        int hi = p;
        for (int mask = p >> 1; mask > 0; mask >>= 1) {
            int peer = r ^ mask;
            int mid = (lo + hi) >>> 1;
            boolean lower = (r & mask) == 0;
            int keepLo = lower ? lo : mid;
            int keepHi = lower ? mid : hi;
            int sendLo = lower ? mid : lo;
            int sendHi = lower ? hi : mid;
            int keep = start[keepHi] - start[keepLo];
            links.sendrecv(kind, buf, start[sendLo], start[sendHi] - start[sendLo], peer, tmp, 0, keep, peer);
            op.apply(tmp, 0, buf, start[keepLo], keep);
            lo = keepLo;
            hi = keepHi;
        }
        Scratch.give(kind, tmp);
        for (int mask = 1; mask < p; mask <<= 1) {
            int peer = r ^ mask;
            int theirLo = (r & mask) == 0 ? hi : lo - (hi - lo);
            int theirHi = theirLo + (hi - lo);
            links.sendrecv(kind, buf, start[lo], start[hi] - start[lo], peer,
                    buf, start[theirLo], start[theirHi] - start[theirLo], peer);
            lo = Math.min(lo, theirLo);
            hi = Math.max(hi, theirHi);
        }
    }
}
