package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/**
 * The collectives that move blocks (gather, scatter, allgather, alltoall, all with counts and
 * displacements), in two levels: each JVM's leader reads and writes its ranks' arrays in memory and
 * exchanges each JVM's blocks, packed in rank order, with the other leaders, so a JVM's data crosses
 * the network once, in one message per peer JVM. Every rank's arrays stay published until the
 * leader is done with them.
 */
final class TwoLevelMoves {

    /** What a rank shows its JVM's leader: its send side and its receive side, as far as it has them. */
    private record Part(Object send, int sendOffset, int sendCount, Blocks sends,
                        Object recv, int recvOffset, int recvCount, Blocks recvs) {
    }

    private TwoLevelMoves() {
    }

    /**
     * Gatherv: each leader packs its ranks' blocks and sends them to the root's leader, which puts
     * them, and its own JVM's blocks, straight into the root's array. A null {@code sendbuf} at the
     * root means IN_PLACE.
     */
    static void gather(Groups groups, int rank, int size, ArrayKind kind, Object sendbuf, int sendOffset,
                       int sendCount, Object recvbuf, Blocks blocks, int root) {
        Meetings local = groups.local();
        local.open();
        boolean isRoot = rank == root;
        Object src = sendbuf != null ? sendbuf : recvbuf;
        int from = sendbuf != null ? sendOffset : isRoot ? blocks.displs()[root] : 0;
        local.publish(new Part(src, from, sendCount, null, isRoot ? recvbuf : null, 0, 0, isRoot ? blocks : null));
        local.sync();
        if (groups.localIndex() == 0) {
            int[][] members = members(groups, size);
            int mine = groups.leaderOf(rank);
            int rootJvm = groups.leaderOf(root);
            if (mine == rootJvm) {
                Part at = part(groups, root);
                for (int r : members[mine]) {
                    Part p = part(groups, r);
                    checkCount(groups, r, p.sendCount(), at.recvs().counts()[r]);
                    System.arraycopy(p.send(), p.sendOffset(), at.recv(), at.recvs().displs()[r], p.sendCount());
                }
                for (int j = 0; j < members.length; j++) {
                    if (j != mine) {
                        Object packed = kind.newArray(total(members[j], at.recvs()));
                        groups.leaders().recv(kind, packed, 0, kind.length(packed), j);
                        copyBlocks(members[j], at.recvs(), at.recv(), packed, 0, false);
                    }
                }
            } else {
                int n = 0;
                for (int r : members[mine]) {
                    n += part(groups, r).sendCount();
                }
                Object packed = kind.newArray(n);
                int to = 0;
                for (int r : members[mine]) {
                    Part p = part(groups, r);
                    System.arraycopy(p.send(), p.sendOffset(), packed, to, p.sendCount());
                    to += p.sendCount();
                }
                groups.leaders().send(kind, packed, 0, n, rootJvm);
            }
        }
        local.sync(); // the root's array is filled, and every rank's block read
        local.close();
    }

    /**
     * Scatterv: the root's leader sends each other leader its JVM's blocks packed, and each leader
     * (the root's included) copies the blocks into its ranks' arrays. A null {@code recvbuf} at the
     * root means IN_PLACE.
     */
    static void scatter(Groups groups, int rank, int size, ArrayKind kind, Object sendbuf, Blocks blocks,
                        Object recvbuf, int recvOffset, int recvCount, int root) {
        Meetings local = groups.local();
        local.open();
        boolean isRoot = rank == root;
        local.publish(new Part(isRoot ? sendbuf : null, 0, 0, isRoot ? blocks : null, recvbuf, recvOffset, recvCount,
                null));
        local.sync();
        if (groups.localIndex() == 0) {
            int[][] members = members(groups, size);
            int mine = groups.leaderOf(rank);
            int rootJvm = groups.leaderOf(root);
            if (mine == rootJvm) {
                Part at = part(groups, root);
                for (int r : members[mine]) {
                    Part p = part(groups, r);
                    if (p.recv() != null) {
                        checkCount(groups, r, at.sends().counts()[r], p.recvCount());
                        System.arraycopy(at.send(), at.sends().displs()[r], p.recv(), p.recvOffset(), p.recvCount());
                    }
                }
                for (int j = 0; j < members.length; j++) {
                    if (j != mine) {
                        Object packed = kind.newArray(total(members[j], at.sends()));
                        copyBlocks(members[j], at.sends(), at.send(), packed, 0, true);
                        groups.leaders().send(kind, packed, 0, kind.length(packed), j);
                    }
                }
            } else {
                int n = 0;
                for (int r : members[mine]) {
                    n += part(groups, r).recvCount();
                }
                Object packed = kind.newArray(n);
                groups.leaders().recv(kind, packed, 0, n, rootJvm);
                int at = 0;
                for (int r : members[mine]) {
                    Part p = part(groups, r);
                    System.arraycopy(packed, at, p.recv(), p.recvOffset(), p.recvCount());
                    at += p.recvCount();
                }
            }
        }
        local.sync(); // every rank's block is in place, and the root's array read
        local.close();
    }

    /**
     * Alltoallv: every rank copies the blocks its JVM's ranks send it; the leaders exchange, pairwise
     * in rounds, one pack per pair of JVMs (for each sender of one, for each receiver of the other,
     * in rank order) and unpack into their ranks' arrays.
     */
    static void alltoall(Groups groups, int rank, int size, ArrayKind kind, Object sendbuf, Blocks send,
                         Object recvbuf, Blocks recv) {
        Meetings local = groups.local();
        local.open();
        local.publish(new Part(sendbuf, 0, 0, send, recvbuf, 0, 0, recv));
        local.sync();
        int[][] members = members(groups, size);
        int mine = groups.leaderOf(rank);
        for (int q : members[mine]) {
            Part p = part(groups, q);
            checkCount(groups, q, p.sends().counts()[rank], recv.counts()[q]);
            System.arraycopy(p.send(), p.sends().displs()[rank], recvbuf, recv.displs()[q], recv.counts()[q]);
        }
        if (groups.localIndex() == 0) {
            int jvms = members.length;
            for (int s = 1; s < jvms; s++) {
                int dest = (mine + s) % jvms;
                int source = (mine - s + jvms) % jvms;
                int outCount = pairTotal(groups, members[mine], members[dest], true);
                int inCount = pairTotal(groups, members[source], members[mine], false);
                Object out = Scratch.take(kind, outCount);
                Object in = Scratch.take(kind, inCount);
                int at = 0;
                for (int a : members[mine]) {
                    Part p = part(groups, a);
                    for (int b : members[dest]) {
                        System.arraycopy(p.send(), p.sends().displs()[b], out, at, p.sends().counts()[b]);
                        at += p.sends().counts()[b];
                    }
                }
                groups.leaders().sendrecv(kind, out, 0, outCount, dest, in, 0, inCount, source);
                at = 0;
                for (int a : members[source]) {
                    for (int b : members[mine]) {
                        Part p = part(groups, b);
                        System.arraycopy(in, at, p.recv(), p.recvs().displs()[a], p.recvs().counts()[a]);
                        at += p.recvs().counts()[a];
                    }
                }
                Scratch.give(kind, out);
                Scratch.give(kind, in);
            }
        }
        local.sync(); // every block is in place, and every rank's send array read
        local.close();
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
                perJvm[j] = total(members[j], blocks);
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
    static int[][] members(Groups groups, int size) {
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

    /** The elements of the blocks of {@code ranks}. */
    static int total(int[] ranks, Blocks blocks) {
        int n = 0;
        for (int r : ranks) {
            n += blocks.counts()[r];
        }
        return n;
    }

    /** Copies the blocks of {@code ranks} from {@code buf} (at their displacements) into {@code packed} from {@code at}, or back. */
    static void copyBlocks(int[] ranks, Blocks blocks, Object buf, Object packed, int at, boolean pack) {
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

    /** What rank {@code r} of this JVM published. */
    private static Part part(Groups groups, int r) {
        return (Part) groups.local().buffer(groups.localIndexOf(r));
    }

    /** Elements from {@code senders} to {@code receivers}, as the side in this JVM ({@code bySender} or not) tells. */
    private static int pairTotal(Groups groups, int[] senders, int[] receivers, boolean bySender) {
        int n = 0;
        for (int a : senders) {
            for (int b : receivers) {
                n += bySender ? part(groups, a).sends().counts()[b] : part(groups, b).recvs().counts()[a];
            }
        }
        return n;
    }

    private static void checkCount(Groups groups, int peer, int sent, int expected) {
        if (sent != expected) {
            throw groups.countMismatch(peer, sent, expected);
        }
    }
}
