package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Allreduce in place on {@code buf}, chosen by size and by whether ranks share cores. Large
 * arrays of a commutative operation take a reduce-scatter then an allgather (each rank sends
 * 2(p-1)/p of the array: least bandwidth): by recursive halving and doubling where p is a power
 * of two (2 log2 p steps), else by a ring (2(p-1) steps). Small ones, and non-commutative
 * operations, take recursive doubling (log2 p rounds: least latency) when every rank has a core,
 * or a binomial reduce then broadcast (2(p-1) messages instead of p log2 p) when ranks share
 * cores, where the number of messages, not of rounds, sets the time. Every rank ends with
 * bit-identical results.
 */
public final class Allreduce {

    /** Arrays of at least this many bytes take the reduce-scatter and allgather when every rank has a core. */
    public static final int RING_THRESHOLD_BYTES = 64 * 1024;

    /**
     * The same when ranks share cores: the ring's 2p(p-1) messages (2p log2 p by halving) cost
     * more than the tree's 2(p-1) up to a few megabytes (measured on 4 ranks and 2 cores:
     * benchmarks/README.md).
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
            reduceScatterAllgather(links, kind, buf, count, op);
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
     * One part per rank, reduced onto its owner, then handed to every rank: by recursive halving
     * and doubling where p is a power of two (2 log2 p steps), else round a ring (2 (p - 1) steps),
     * as {@link ReduceScatter} and {@link Allgather} choose; parts are cut between the operation's
     * blocks (MINLOC's pairs, a user's matrices), never inside one.
     */
    static void reduceScatterAllgather(Links links, ArrayKind kind, Object buf, int count, Op op) {
        int p = links.size();
        int unit = op.block();
        int units = count / unit;
        int[] counts = new int[p];
        for (int i = 0; i < p; i++) {
            counts[i] = unit * (units / p + (i < units % p ? 1 : 0));
        }
        Blocks blocks = Blocks.packed(counts);
        ReduceScatter.run(links, kind, buf, blocks, op);
        Allgather.run(links, kind, null, 0, buf, blocks);
    }
}
