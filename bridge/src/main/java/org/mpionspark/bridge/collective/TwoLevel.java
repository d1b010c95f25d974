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

    /**
     * Allgather(v): in each JVM the leader copies its ranks' blocks into its own array, the leaders
     * exchange their JVMs' blocks packed (one ring among the leaders, each JVM's blocks crossing the
     * network once), and every rank copies the blocks from its leader's array. {@code rank}: this
     * rank in the call; a null {@code sendbuf} means its block is in {@code recvbuf} already.
     */
    static void allgather(Groups groups, int rank, ArrayKind kind, Object sendbuf, int sendOffset, Object recvbuf,
                          Blocks blocks) {
        int[] counts = blocks.counts();
        int[] displs = blocks.displs();
        if (sendbuf != null) {
            System.arraycopy(sendbuf, sendOffset, recvbuf, displs[rank], counts[rank]);
        }
        Meetings local = groups.local();
        local.open();
        local.publish(recvbuf);
        local.sync();
        if (groups.localIndex() == 0) {
            int[][] members = members(groups, counts.length);
            int mine = groups.leaderOf(rank);
            for (int r : members[mine]) {
                if (r != rank) {
                    System.arraycopy(local.buffer(groups.localIndexOf(r)), displs[r], recvbuf, displs[r], counts[r]);
                }
            }
            int[] perJvm = new int[members.length];
            for (int j = 0; j < members.length; j++) {
                for (int r : members[j]) {
                    perJvm[j] += counts[r];
                }
            }
            Blocks packed = Blocks.packed(perJvm);
            Object all = kind.newArray(packed.total());
            copyBlocks(members[mine], blocks, recvbuf, all, packed.displs()[mine], true);
            Allgather.run(groups.leaders(), kind, null, 0, all, packed);
            for (int j = 0; j < members.length; j++) {
                if (j != mine) {
                    copyBlocks(members[j], blocks, recvbuf, all, packed.displs()[j], false);
                }
            }
        }
        local.sync(); // the leader's array holds every block
        if (groups.localIndex() != 0) {
            Object lead = local.buffer(0);
            for (int r = 0; r < counts.length; r++) {
                if (r != rank) {
                    System.arraycopy(lead, displs[r], recvbuf, displs[r], counts[r]);
                }
            }
        }
        local.sync(); // the leader's array is read until here
        local.close();
    }

    /** The ranks of the call in each JVM, by leader index, in rank order (so in local index order). */
    private static int[][] members(Groups groups, int size) {
        int jvms = 0;
        for (int r = 0; r < size; r++) {
            jvms = Math.max(jvms, groups.leaderOf(r) + 1);
        }
        int[] n = new int[jvms];
        for (int r = 0; r < size; r++) {
            n[groups.leaderOf(r)]++;
        }
        int[][] out = new int[jvms][];
        for (int j = 0; j < jvms; j++) {
            out[j] = new int[n[j]];
            n[j] = 0;
        }
        for (int r = 0; r < size; r++) {
            int j = groups.leaderOf(r);
            out[j][n[j]++] = r;
        }
        return out;
    }

    /** Copies the blocks of {@code ranks} from {@code buf} (at their displacements) into {@code packed} from {@code at}, or back. */
    private static void copyBlocks(int[] ranks, Blocks blocks, Object buf, Object packed, int at, boolean pack) {
        for (int r : ranks) {
            int c = blocks.counts()[r];
            if (pack) {
                System.arraycopy(buf, blocks.displs()[r], packed, at, c);
            } else {
                System.arraycopy(packed, at, buf, blocks.displs()[r], c);
            }
            at += c;
        }
    }
}
