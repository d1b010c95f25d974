package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveChannel;
import org.mpionspark.bridge.collective.Blocks;
import org.mpionspark.bridge.collective.Call;
import org.mpionspark.bridge.collective.Collectives;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * One communicator's collectives of the array tier: each checks and shapes its arguments, then
 * runs it through {@link Collectives} on a call begun on its {@link CollectiveChannel}.
 */
final class ArrayCollectives {
    private final Arguments check;
    private final CollectiveChannel collectives;
    private final int rank;
    private final int size;

    ArrayCollectives(CommState comm) {
        this.check = comm.check;
        this.collectives = comm.collectives;
        this.rank = comm.rank;
        this.size = comm.size;
    }

    void barrier() {
        Call call = collectives.begin("barrier()");
        Collectives.barrier(call);
    }

    /** The implicit end of a rank, before {@code MPI_Finalize} ({@link CollectiveChannel#endOfRank}). */
    void endOfRank() {
        collectives.endOfRank();
    }

    void bcast(Object buf, int root) {
        bcast(buf, 0, check.lengthOf("bcast(root=" + root + ")", buf), root);
    }

    void bcast(Object buf, int offset, int count, int root) {
        bcastCall("bcast", buf, offset, count, root).run();
    }

    /** {@code MPI_Ibarrier}: started here, in order, and run on the rank's {@link CollectiveLane}. */
    org.mpionspark.mpi.Request ibarrier(CollectiveLane lane) {
        Call call = collectives.begin("ibarrier()");
        return lane.start("ibarrier()", () -> Collectives.barrier(call));
    }

    org.mpionspark.mpi.Request ibcast(Object buf, int root, CollectiveLane lane) {
        String op = "ibcast(root=" + root + ")";
        return lane.start(op, bcastCall("ibcast", buf, 0, check.lengthOf(op, buf), root));
    }

    org.mpionspark.mpi.Request iallreduce(Object sendbuf, Object recvbuf, Op op, CollectiveLane lane) {
        return lane.start("iallreduce(" + op + ")", allreduceCall("iallreduce", sendbuf, recvbuf, op));
    }

    /** A broadcast ({@code verb} names it), checked and begun on its channel, to run now or on the lane. */
    private Runnable bcastCall(String verb, Object buf, int offset, int count, int root) {
        ArrayKind kind = check.kindOf(verb, "buffer", buf);
        String op = verb + "(" + kind.elementName() + "[], root=" + root + ")";
        check.range(op, buf, offset, count);
        check.rank(op, "root", root, false);
        Call call = collectives.begin(op, kind.ordinal(), count, root);
        return () -> Collectives.bcast(call, kind, buf, offset, count, root);
    }

    /** What a reduction into all of {@code recvbuf} works on: its type, its name in errors, its count. */
    private record Reduction(ArrayKind kind, String name, int count) {
    }

    /** Checks {@code recvbuf} and {@code op} for reduction {@code verb}, before any byte moves. */
    private Reduction reduction(String verb, Object recvbuf, Op op) {
        ArrayKind kind = check.kindOf(verb, "recvbuf", recvbuf);
        String name = verb + "(" + kind.elementName() + "[], " + op + ")";
        check.present(name, "op", op);
        int count = kind.length(recvbuf);
        check.operands(name, op, recvbuf, count);
        return new Reduction(kind, name, count);
    }

    void allreduce(Object sendbuf, Object recvbuf, Op op) {
        allreduceCall("allreduce", sendbuf, recvbuf, op).run();
    }

    /** An allreduce ({@code verb} names it), checked and begun on its channel, to run now or on the lane. */
    private Runnable allreduceCall(String verb, Object sendbuf, Object recvbuf, Op op) {
        Reduction r = reduction(verb, recvbuf, op);
        ArrayKind kind = r.kind();
        String name = r.name();
        int count = r.count();
        if (sendbuf != Communicator.IN_PLACE && sendbuf != recvbuf) {
            if (sendbuf == null || sendbuf.getClass() != recvbuf.getClass()) {
                throw new IllegalArgumentException(name + ": sendbuf must be a " + kind.elementName()
                        + "[] like recvbuf, not " + (sendbuf == null ? "null" : sendbuf.getClass().getSimpleName()));
            }
            if (kind.length(sendbuf) != count) {
                throw new IllegalArgumentException(name + ": recvbuf holds " + count
                        + " elements but sendbuf holds " + kind.length(sendbuf));
            }
            System.arraycopy(sendbuf, 0, recvbuf, 0, count);
        }
        Call call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode());
        return () -> Collectives.allreduce(call, kind, recvbuf, count, op);
    }

    void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        Object mine = sendbuf == Communicator.IN_PLACE ? recvbuf : sendbuf;
        ArrayKind kind = check.kindOf("reduce", "sendbuf", mine);
        String name = "reduce(" + kind.elementName() + "[], " + op + ", root=" + root + ")";
        check.rank(name, "root", root, false);
        check.present(name, "op", op);
        int count = kind.length(mine);
        check.operands(name, op, mine, count);
        if (rank == root) {
            check.sameShape(name, "recvbuf", recvbuf, kind, count);
        }
        Object data = kind.newArray(count);
        System.arraycopy(mine, 0, data, 0, count);
        Call call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode(), root);
        Collectives.reduce(call, kind, data, count, op, root);
        if (rank == root) {
            System.arraycopy(data, 0, recvbuf, 0, count);
        }
    }

    void reduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op) {
        ArrayKind kind = check.kindOf("reduceScatter", "recvbuf", recvbuf);
        String name = "reduceScatter(" + kind.elementName() + "[], " + op + ")";
        check.present(name, "op", op);
        Blocks blocks = Blocks.packed(check.present(name, "counts", counts));
        Object mine = sendbuf == Communicator.IN_PLACE ? recvbuf : sendbuf;
        check.sameShape(name, "sendbuf", mine, kind, blocks.total());
        blocks.check(name, size, blocks.total());
        for (int c : counts) {
            check.operands(name + " (each rank's count)", op, mine, c);
        }
        if (kind.length(recvbuf) < counts[rank]) {
            throw new IllegalArgumentException(name + ": recvbuf holds " + kind.length(recvbuf) + " elements, block "
                    + rank + " has " + counts[rank]);
        }
        Object data = kind.newArray(blocks.total());
        System.arraycopy(mine, 0, data, 0, blocks.total());
        Call call = collectives.begin(name, kind.ordinal(), java.util.Arrays.hashCode(counts), op.name().hashCode());
        Collectives.reduceScatter(call, kind, data, blocks, op);
        System.arraycopy(data, blocks.displs()[rank], recvbuf, 0, counts[rank]);
    }

    void scan(Object sendbuf, Object recvbuf, Op op) {
        scan("scan", sendbuf, recvbuf, op, true);
    }

    void exscan(Object sendbuf, Object recvbuf, Op op) {
        scan("exscan", sendbuf, recvbuf, op, false);
    }

    private void scan(String what, Object sendbuf, Object recvbuf, Op op, boolean inclusive) {
        Reduction r = reduction(what, recvbuf, op);
        ArrayKind kind = r.kind();
        String name = r.name();
        int count = r.count();
        Object data = kind.newArray(count);
        Object mine = sendbuf == Communicator.IN_PLACE ? recvbuf : sendbuf;
        check.sameShape(name, "sendbuf", mine, kind, count);
        System.arraycopy(mine, 0, data, 0, count);
        Call call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode());
        Collectives.scan(call, kind, data, count, op, inclusive);
        if (inclusive || rank > 0) {
            System.arraycopy(data, 0, recvbuf, 0, count);
        }
    }

    void scatter(Object sendbuf, Object recvbuf, int root) {
        String name = "scatter(root=" + root + ")";
        check.rank(name, "root", root, false);
        if (rank == root && recvbuf == Communicator.IN_PLACE) {
            ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
            int n = check.equalBlocks(name, "sendbuf", kind, sendbuf);
            scatterv(sendbuf, Blocks.equal(size, n / size, 0), null, 0, n / size, root, kind, name);
            return;
        }
        ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
        int count = kind.length(recvbuf);
        if (rank == root) {
            check.sameShape(name, "sendbuf", sendbuf, kind, count * size);
        }
        scatterv(sendbuf, Blocks.equal(size, count, 0), recvbuf, 0, count, root, kind, name);
    }

    void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount,
                         int root) {
        String name = "scatterv(root=" + root + ")";
        check.rank(name, "root", root, false);
        ArrayKind kind = check.kindOf(name, "buffer", rank == root ? sendbuf : recvbuf);
        scatterv(sendbuf, Blocks.of(counts, displs), recvbuf, recvOffset, recvCount, root, kind, name);
    }

    private void scatterv(Object sendbuf, Blocks blocks, Object recvbuf, int recvOffset, int recvCount, int root,
                          ArrayKind kind, String name) {
        if (rank == root) {
            check.sameKind(name, "sendbuf", sendbuf, kind);
            blocks.check(name, size, kind.length(sendbuf));
            if (recvbuf != null && blocks.counts()[root] != recvCount) {
                throw new IllegalArgumentException(name + ": the root sends itself " + blocks.counts()[root]
                        + " elements but receives " + recvCount);
            }
        }
        if (recvbuf != null) {
            check.sameKind(name, "recvbuf", recvbuf, kind);
            check.range(name, recvbuf, recvOffset, recvCount);
        }
        Call call = collectives.begin(name, kind.ordinal(), root);
        Collectives.scatter(call, kind, sendbuf, blocks, recvbuf, recvOffset, recvCount, root);
    }

    void gather(Object sendbuf, Object recvbuf, int root) {
        String name = "gather(root=" + root + ")";
        check.rank(name, "root", root, false);
        if (rank == root && sendbuf == Communicator.IN_PLACE) {
            ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
            int n = check.equalBlocks(name, "recvbuf", kind, recvbuf);
            int count = n / size;
            gatherv(null, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
            return;
        }
        ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
        int count = kind.length(sendbuf);
        if (rank == root) {
            check.sameShape(name, "recvbuf", recvbuf, kind, count * size);
        }
        gatherv(sendbuf, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
    }

    void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs,
                        int root) {
        String name = "gatherv(root=" + root + ")";
        check.rank(name, "root", root, false);
        boolean inPlace = rank == root && sendbuf == Communicator.IN_PLACE;
        ArrayKind kind = check.kindOf(name, "buffer", inPlace ? recvbuf : sendbuf);
        gatherv(inPlace ? null : sendbuf, sendOffset, sendCount, recvbuf, Blocks.of(counts, displs), root, kind, name);
    }

    private void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, Blocks blocks, int root,
                         ArrayKind kind, String name) {
        if (sendbuf != null) {
            check.range(name, sendbuf, sendOffset, sendCount);
        }
        if (rank == root) {
            check.sameKind(name, "recvbuf", recvbuf, kind);
            blocks.check(name, size, kind.length(recvbuf));
            if (blocks.counts()[root] != sendCount) {
                throw new IllegalArgumentException(name + ": the root expects " + blocks.counts()[root]
                        + " elements from itself but sends " + sendCount);
            }
        }
        Call call = collectives.begin(name, kind.ordinal(), root);
        Collectives.gather(call, kind, sendbuf, sendOffset, sendCount, recvbuf, blocks, root);
    }

    void allgather(Object sendbuf, Object recvbuf) {
        String name = "allgather()";
        ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
        int n = check.equalBlocks(name, "recvbuf", kind, recvbuf);
        int count = n / size;
        if (sendbuf != Communicator.IN_PLACE) {
            check.sameShape(name, "sendbuf", sendbuf, kind, count);
        }
        Call call = collectives.begin(name, kind.ordinal(), count);
        Collectives.allgather(call, kind, sendbuf == Communicator.IN_PLACE ? null : sendbuf, 0, recvbuf, Blocks.equal(size, count, 0));
    }

    void allgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs) {
        String name = "allgatherv()";
        ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
        Blocks blocks = Blocks.of(counts, displs);
        blocks.check(name, size, kind.length(recvbuf));
        if (sendbuf != Communicator.IN_PLACE) {
            check.sameKind(name, "sendbuf", sendbuf, kind);
            check.range(name, sendbuf, sendOffset, sendCount);
            if (sendCount != counts[rank]) {
                throw new IllegalArgumentException(name + ": rank " + rank + " sends " + sendCount
                        + " elements but counts[" + rank + "] is " + counts[rank]);
            }
        }
        Call call = collectives.begin(name, kind.ordinal(), java.util.Arrays.hashCode(counts));
        Collectives.allgather(call, kind, sendbuf == Communicator.IN_PLACE ? null : sendbuf, sendOffset, recvbuf, blocks);
    }

    void alltoall(Object sendbuf, Object recvbuf) {
        String name = "alltoall()";
        ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
        int n = check.equalBlocks(name, "sendbuf", kind, sendbuf);
        check.sameShape(name, "recvbuf", recvbuf, kind, n);
        Blocks blocks = Blocks.equal(size, n / size, 0);
        Call call = collectives.begin(name, kind.ordinal(), n);
        Collectives.alltoall(call, kind, sendbuf, blocks, recvbuf, blocks);
    }

    void alltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts,
                          int[] recvDispls) {
        String name = "alltoallv()";
        ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
        check.sameKind(name, "recvbuf", recvbuf, kind);
        Blocks send = Blocks.of(sendCounts, sendDispls);
        Blocks recv = Blocks.of(recvCounts, recvDispls);
        send.check(name + " send side", size, kind.length(sendbuf));
        recv.check(name + " receive side", size, kind.length(recvbuf));
        if (sendCounts[rank] != recvCounts[rank]) {
            throw new IllegalArgumentException(name + ": rank " + rank + " sends itself " + sendCounts[rank]
                    + " elements but expects " + recvCounts[rank]);
        }
        Call call = collectives.begin(name, kind.ordinal());
        Collectives.alltoall(call, kind, sendbuf, send, recvbuf, recv);
    }
}
