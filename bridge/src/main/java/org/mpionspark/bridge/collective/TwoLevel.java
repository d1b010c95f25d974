package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Collectives of a call whose ranks span JVMs, some sharing one: in memory within each JVM, and
 * messages among one leader per JVM (its lowest rank), so one message per JVM crosses the network
 * instead of one per rank.
 */
final class TwoLevel {

    /**
     * Arrays of at least this many bytes go two-level when a world spans JVMs and some share one:
     * below it, the extra meetings in memory cost more than the messages they save (measured on
     * local-cluster[2,2]: 8 B and 8 KB slower two-level, 1 MB and up faster; benchmarks/README.md).
     */
    static final int FROM_BYTES = 64 * 1024;

    private TwoLevel() {
    }

    /** Whether a reduction of {@code count} elements goes two-level: commutative, and large enough. */
    static boolean pays(ArrayKind kind, int count, Op op) {
        return op.commutative() && pays(kind, count);
    }

    /** Whether moving {@code count} elements goes two-level: large enough. */
    static boolean pays(ArrayKind kind, int count) {
        return (long) count * kind.bytes() >= FROM_BYTES;
    }

    /**
     * Two levels: each JVM's ranks reduce their arrays in memory into their leader's (each rank one
     * part of it), the leaders allreduce among JVMs over the network, and every rank copies its
     * leader's result. Only one message per JVM crosses the network instead of one per rank, and
     * every rank ends with the leaders' bit-identical result. Commutative operations only: the JVMs'
     * ranks need not be contiguous.
     */
    static void allreduce(Groups groups, ArrayKind kind, Object buf, int count, Op op) {
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
            Allreduce.run(groups.leaders(), kind, buf, count, op);
        }
        local.sync(); // the leader's array holds the result
        if (me != 0) {
            System.arraycopy(local.buffer(0), 0, buf, 0, count);
        }
        local.sync(); // the leader's array is read until here
        local.close();
    }

    /**
     * Broadcast: within the root's JVM from the root, among the leaders from the root's leader,
     * then within every other JVM from its leader.
     */
    static void bcast(Groups groups, ArrayKind kind, Object buf, int offset, int count, int root) {
        int rootHere = groups.localIndexOf(root);
        if (rootHere >= 0) {
            InMemory.bcast(groups.local(), groups.localIndex(), kind, buf, offset, count, rootHere);
        }
        if (groups.leaders() != null) {
            Bcast.run(groups.leaders(), kind, buf, offset, count, groups.leaderOf(root));
        }
        if (rootHere < 0) {
            InMemory.bcast(groups.local(), groups.localIndex(), kind, buf, offset, count, 0);
        }
    }

    /**
     * Reduce of a commutative operation: within each JVM into its leader, among the leaders into
     * the root's leader, then, where the root is not its JVM's leader, from that leader to the
     * root's JVM. {@code data} is every rank's scratch copy; only the root's result is kept.
     */
    static void reduce(Groups groups, ArrayKind kind, Object data, int count, Op op, int root) {
        Meetings local = groups.local();
        InMemory.reduce(local, groups.localIndex(), groups.localSize(), kind, data, count, op, 0);
        if (groups.leaders() != null) {
            Reduce.run(groups.leaders(), kind, data, count, op, groups.leaderOf(root));
        }
        int rootHere = groups.localIndexOf(root);
        if (rootHere > 0) {
            InMemory.bcast(local, groups.localIndex(), kind, data, 0, count, 0);
        }
    }

    /** Barrier: every JVM's ranks meet, the leaders hold a barrier among themselves, and the ranks meet again. */
    static void barrier(Groups groups) {
        InMemory.barrier(groups.local());
        if (groups.leaders() != null) {
            Barrier.run(groups.leaders());
        }
        InMemory.barrier(groups.local());
    }
}
