package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Allreduce in place on {@code buf}, chosen by size and by whether ranks share cores. Large
 * arrays of a commutative operation take a ring reduce-scatter then allgather (each rank sends
 * 2(p-1)/p of the array: least bandwidth). Small ones, and non-commutative operations, take
 * recursive doubling (log2 p rounds: least latency) when every rank has a core, or a binomial
 * reduce then broadcast (2(p-1) messages instead of p log2 p) when ranks share cores, where the
 * number of messages, not of rounds, sets the time. Every rank ends with bit-identical results.
 */
public final class Allreduce {

    /** Arrays of at least this many bytes take the ring, when every rank has a core. */
    public static final int RING_THRESHOLD_BYTES = 64 * 1024;

    /**
     * The same when ranks share cores: the ring's 2p(p-1) messages cost more than the tree's
     * 2(p-1) up to a few megabytes (measured on 4 ranks and 2 cores: benchmarks/README.md).
     */
    public static final int SHARED_RING_THRESHOLD_BYTES = 4 * 1024 * 1024;

    /**
     * Arrays of at least this many bytes go two-level when a world spans JVMs and some share one:
     * below it, the extra meetings in memory cost more than the messages they save (measured on
     * local-cluster[2,2]: 8 B and 8 KB slower two-level, 1 MB and up faster; benchmarks/README.md).
     */
    public static final int TWO_LEVEL_FROM_BYTES = 64 * 1024;

    private Allreduce() {
    }

    public static void run(Links links, ArrayKind kind, Object buf, int count, int elementBytes, Op op) {
        int p = links.size();
        if (p == 1 || count == 0) {
            return;
        }
        if (links.node() != null) {
            InMemory.allreduce(links.node(), links.rank(), p, kind, buf, count, op);
            return;
        }
        if (links.groups() != null && op.commutative() && (long) count * elementBytes >= TWO_LEVEL_FROM_BYTES) {
            twoLevel(links.groups(), kind, buf, count, elementBytes, op);
            return;
        }
        int ringFrom = links.coresShared() ? SHARED_RING_THRESHOLD_BYTES : RING_THRESHOLD_BYTES;
        if (op.commutative() && (long) count * elementBytes >= ringFrom && count / op.block() >= p) {
            ring(links, kind, buf, count, op);
        } else if (links.coresShared()) {
            Reduce.run(links, kind, buf, count, op, 0);
            Bcast.run(links, kind, buf, 0, count, 0);
        } else {
            recursiveDoubling(links, kind, buf, count, op);
        }
    }

    /**
     * Two levels: each JVM's ranks reduce their arrays in memory into their leader's (each rank one
     * part of it), the leaders allreduce among JVMs over the network, and every rank copies its
     * leader's result. Only one message per JVM crosses the network instead of one per rank, and
     * every rank ends with the leaders' bit-identical result. Commutative operations only: the JVMs'
     * ranks need not be contiguous.
     */
    static void twoLevel(Groups groups, ArrayKind kind, Object buf, int count, int elementBytes, Op op) {
        Meetings local = groups.local();
        int me = groups.localIndex();
        int k = groups.localSize();
        local.open();
        local.publish(buf);
        local.sync();
        int[] parts = InMemory.parts(count, k, op.block());
        InMemory.reducePart(local, me, k, kind, buf, parts[me], parts[me + 1] - parts[me], op, local.buffer(0));
        local.sync(); // the leader's array holds this JVM's sum
        if (me == 0) {
            run(groups.leaders(), kind, buf, count, elementBytes, op);
        }
        local.sync(); // the leader's array holds the result
        if (me != 0) {
            System.arraycopy(local.buffer(0), 0, buf, 0, count);
        }
        local.sync(); // the leader's array is read until here
        local.close();
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
}
