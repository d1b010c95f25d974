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

    /** Whether {@code count} elements are enough for two levels to pay ({@code twoLevel=auto}). */
    static boolean pays(ArrayKind kind, int count) {
        return (long) count * kind.bytes() >= FROM_BYTES;
    }

    /**
     * Whether a reduction by {@code op} in two levels gives MPI's result: a commutative operation
     * always; another only where each JVM's ranks are contiguous, so JVMs in leader order are ranks
     * in rank order.
     */
    static boolean exact(Groups groups, int size, Op op) {
        return op.commutative() || contiguous(groups, size);
    }

    /** Whether each JVM holds consecutive ranks of the call (leaders' order is then rank order). */
    static boolean contiguous(Groups groups, int size) {
        for (int r = 1; r < size; r++) {
            if (groups.leaderOf(r) != groups.leaderOf(r - 1) && groups.leaderOf(r) != groups.leaderOf(r - 1) + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two levels: each JVM's ranks reduce their arrays in memory into their leader's (each rank one
     * part of it), the leaders allreduce among JVMs over the network, and every rank copies its
     * leader's result. Only one message per JVM crosses the network instead of one per rank, and
     * every rank ends with the leaders' bit-identical result. A non-commutative operation (JVMs'
     * ranks contiguous: {@link #exact}) is reduced whole, in rank order, into the leader, allreduced
     * among the leaders and broadcast from the leader.
     */
    static void allreduce(Groups groups, ArrayKind kind, Object buf, int count, Op op) {
        Meetings local = groups.local();
        int me = groups.localIndex();
        int k = groups.localSize();
        if (!op.commutative()) {
            InMemory.reduce(local, me, k, kind, buf, count, op, 0);
            if (me == 0) {
                Allreduce.run(groups.leaders(), kind, buf, count, op);
            }
            InMemory.bcast(local, me, kind, buf, 0, count, 0);
            return;
        }
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
     * Reduce: within each JVM into its leader, among the leaders into the root's leader, then,
     * where the root is not its JVM's leader, from that leader to the root's JVM; lower ranks on the
     * left at each level, so a non-commutative operation holds where {@link #exact}. {@code data} is
     * every rank's scratch copy; only the root's result is kept.
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

    /**
     * Reduce-scatter of a commutative operation: each JVM's ranks reduce into their leader, the
     * leaders run a ring reduce-scatter over the array regrouped by JVM (each JVM's blocks together,
     * in rank order: as it is where JVMs hold consecutive ranks), and each rank copies its block
     * from its leader. {@code data} holds the packed blocks; rank r's ends reduced at its place.
     */
    static void reduceScatter(Groups groups, int rank, int size, ArrayKind kind, Object data, Blocks blocks, Op op) {
        Meetings local = groups.local();
        int me = groups.localIndex();
        int total = blocks.total();
        InMemory.reduce(local, me, groups.localSize(), kind, data, total, op, 0);
        if (me == 0) {
            int[][] members = TwoLevelMoves.members(groups, size);
            int[] perJvm = new int[members.length];
            for (int j = 0; j < members.length; j++) {
                perJvm[j] = TwoLevelMoves.total(members[j], blocks);
            }
            Blocks byJvm = Blocks.packed(perJvm);
            boolean inPlace = contiguous(groups, size);
            Object regrouped = inPlace ? data : Scratch.take(kind, total);
            for (int j = 0; j < members.length && !inPlace; j++) {
                TwoLevelMoves.copyBlocks(members[j], blocks, data, regrouped, byJvm.displs()[j], true);
            }
            ReduceScatter.run(groups.leaders(), kind, regrouped, byJvm, op);
            int mine = groups.leaderOf(rank);
            if (!inPlace) {
                TwoLevelMoves.copyBlocks(members[mine], blocks, data, regrouped, byJvm.displs()[mine], false);
                Scratch.give(kind, regrouped);
            }
        }
        local.open();
        local.publish(data);
        local.sync(); // the leader's array holds this JVM's blocks, never written again
        if (me != 0) {
            System.arraycopy(local.buffer(0), blocks.displs()[rank], data, blocks.displs()[rank], blocks.counts()[rank]);
        }
        local.close();
    }

    /** What a rank publishes for a scan: its data, and, on the leader, where the JVMs before it are put. */
    private record ScanPart(Object data, Object[] before) {
    }

    /**
     * Inclusive or exclusive scan where each JVM holds consecutive ranks ({@link #contiguous}): each
     * rank reduces its JVM's arrays up to its own, in rank order; the leaders run an exclusive scan
     * of their JVMs' totals; each rank puts its leader's result on the left of its own. Rank 0's
     * {@code data} is left as it was by an exclusive scan, as {@link Scan} leaves it.
     */
    static void scan(Groups groups, ArrayKind kind, Object data, int count, Op op, boolean inclusive) {
        Meetings local = groups.local();
        int me = groups.localIndex();
        local.open();
        local.publish(new ScanPart(data, new Object[1]));
        local.sync();
        Object mine = fold(local, inclusive ? me : me - 1, kind, count, op);
        if (me == 0) {
            Object total = fold(local, groups.localSize() - 1, kind, count, op);
            Scan.run(groups.leaders(), kind, total, count, op, false);
            if (groups.leaders().rank() > 0) {
                ((ScanPart) local.buffer(0)).before()[0] = total;
            }
        }
        local.sync(); // every rank has read the others' data; the leader's result is in place
        Object before = ((ScanPart) local.buffer(0)).before()[0];
        if (before != null && mine != null) {
            op.apply(before, 0, mine, 0, count);
        }
        Object result = mine != null ? mine : before;
        if (result != null) {
            System.arraycopy(result, 0, data, 0, count);
        }
        local.close();
    }

    /** A new array: the reduction, in rank order, of the data of local ranks 0 to {@code last}; null if none. */
    private static Object fold(Meetings local, int last, ArrayKind kind, int count, Op op) {
        if (last < 0) {
            return null;
        }
        Object acc = kind.newArray(count);
        System.arraycopy(((ScanPart) local.buffer(last)).data(), 0, acc, 0, count);
        for (int q = last - 1; q >= 0; q--) {
            op.apply(((ScanPart) local.buffer(q)).data(), 0, acc, 0, count); // acc = rank q op (ranks above q)
        }
        return acc;
    }
}
