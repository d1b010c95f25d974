package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveChannel;
import org.mpionspark.bridge.collective.Blocks;
import org.mpionspark.bridge.collective.Call;
import org.mpionspark.bridge.collective.Collectives;
import org.mpionspark.bridge.collective.Scratch;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * One communicator's collectives of the array tier: each checks and shapes its arguments and
 * begins its call on the {@link CollectiveChannel} at once, in the order the rank makes them, and
 * returns the work, done through {@link Collectives}: run at once by the blocking form, on the
 * communicator's {@link CollectiveLane} by the non-blocking one. {@code verb} names the call
 * ({@code "reduce"}, {@code "ireduce"}): blocking and non-blocking calls never match each other.
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

    Runnable barrier(String verb) {
        Call call = collectives.begin(verb + "()");
        return () -> Collectives.barrier(call);
    }

    /** The implicit end of a rank, before {@code MPI_Finalize} ({@link CollectiveChannel#endOfRank}). */
    void endOfRank() {
        collectives.endOfRank();
    }

    Runnable bcast(String verb, Object buf, int offset, int count, int root) {
        ArrayKind kind = check.kindOf(verb, "buffer", buf);
        String op = verb + "(" + kind.elementName() + "[], root=" + root + ")";
        check.range(op, buf, offset, count);
        check.rank(op, "root", root, false);
        Call call = collectives.begin(op, "count " + count, kind.ordinal(), count, root);
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

    Runnable allreduce(String verb, Object sendbuf, Object recvbuf, Op op) {
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
        Call call = collectives.begin(name, "count " + count, kind.ordinal(), count, op.name().hashCode());
        return () -> Collectives.allreduce(call, kind, recvbuf, count, op);
    }

    Runnable reduce(String verb, Object sendbuf, Object recvbuf, Op op, int root) {
        Object mine = sendbuf == Communicator.IN_PLACE ? recvbuf : sendbuf;
        ArrayKind kind = check.kindOf(verb, "sendbuf", mine);
        String name = verb + "(" + kind.elementName() + "[], " + op + ", root=" + root + ")";
        check.rank(name, "root", root, false);
        check.present(name, "op", op);
        int count = kind.length(mine);
        check.operands(name, op, mine, count);
        if (rank == root) {
            check.sameShape(name, "recvbuf", recvbuf, kind, count);
        }
        Object data = Scratch.take(kind, count);
        System.arraycopy(mine, 0, data, 0, count);
        Call call = collectives.begin(name, "count " + count, kind.ordinal(), count, op.name().hashCode(),
                root);
        return () -> {
            Collectives.reduce(call, kind, data, count, op, root);
            if (rank == root) {
                System.arraycopy(data, 0, recvbuf, 0, count);
            }
            giveBack(call, kind, data);
        };
    }

    Runnable reduceScatter(String verb, Object sendbuf, Object recvbuf, int[] counts, Op op) {
        ArrayKind kind = check.kindOf(verb, "recvbuf", recvbuf);
        String name = verb + "(" + kind.elementName() + "[], " + op + ")";
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
        Object data = Scratch.take(kind, blocks.total());
        System.arraycopy(mine, 0, data, 0, blocks.total());
        Call call = collectives.begin(name, kind.ordinal(), java.util.Arrays.hashCode(counts), op.name().hashCode());
        return () -> {
            Collectives.reduceScatter(call, kind, data, blocks, op);
            System.arraycopy(data, blocks.displs()[rank], recvbuf, 0, counts[rank]);
            giveBack(call, kind, data);
        };
    }

    Runnable scan(String verb, Object sendbuf, Object recvbuf, Op op) {
        return scan(verb, sendbuf, recvbuf, op, true);
    }

    Runnable exscan(String verb, Object sendbuf, Object recvbuf, Op op) {
        return scan(verb, sendbuf, recvbuf, op, false);
    }

    private Runnable scan(String what, Object sendbuf, Object recvbuf, Op op, boolean inclusive) {
        Reduction r = reduction(what, recvbuf, op);
        ArrayKind kind = r.kind();
        String name = r.name();
        int count = r.count();
        Object mine = sendbuf == Communicator.IN_PLACE ? recvbuf : sendbuf;
        check.sameShape(name, "sendbuf", mine, kind, count);
        Object data = Scratch.take(kind, count);
        System.arraycopy(mine, 0, data, 0, count);
        Call call = collectives.begin(name, "count " + count, kind.ordinal(), count, op.name().hashCode());
        return () -> {
            Collectives.scan(call, kind, data, count, op, inclusive);
            if (inclusive || rank > 0) {
                System.arraycopy(data, 0, recvbuf, 0, count);
            }
            giveBack(call, kind, data);
        };
    }

    /** Keeps a call's working copy for the next call, unless ranks of this JVM may still read it. */
    private static void giveBack(Call call, ArrayKind kind, Object data) {
        if (!call.sharesJvm()) {
            Scratch.give(kind, data);
        }
    }

    Runnable scatter(String verb, Object sendbuf, Object recvbuf, int root) {
        String name = verb + "(root=" + root + ")";
        check.rank(name, "root", root, false);
        if (rank == root && recvbuf == Communicator.IN_PLACE) {
            ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
            int n = check.equalBlocks(name, "sendbuf", kind, sendbuf);
            return scatterv(sendbuf, Blocks.equal(size, n / size, 0), null, 0, n / size, root, kind, name);
        }
        ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
        int count = kind.length(recvbuf);
        if (rank == root) {
            check.sameShape(name, "sendbuf", sendbuf, kind, count * size);
        }
        return scatterv(sendbuf, Blocks.equal(size, count, 0), recvbuf, 0, count, root, kind, name);
    }

    Runnable scatterv(String verb, Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset,
                      int recvCount, int root) {
        String name = verb + "(root=" + root + ")";
        check.rank(name, "root", root, false);
        ArrayKind kind = check.kindOf(name, "buffer", rank == root ? sendbuf : recvbuf);
        return scatterv(sendbuf, Blocks.of(counts, displs), recvbuf, recvOffset, recvCount, root, kind, name);
    }

    private Runnable scatterv(Object sendbuf, Blocks blocks, Object recvbuf, int recvOffset, int recvCount, int root,
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
        return () -> {
            Collectives.scatter(call, kind, sendbuf, blocks, recvbuf, recvOffset, recvCount, root);
        };
    }

    Runnable gather(String verb, Object sendbuf, Object recvbuf, int root) {
        String name = verb + "(root=" + root + ")";
        check.rank(name, "root", root, false);
        if (rank == root && sendbuf == Communicator.IN_PLACE) {
            ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
            int n = check.equalBlocks(name, "recvbuf", kind, recvbuf);
            int count = n / size;
            return gatherv(null, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
        }
        ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
        int count = kind.length(sendbuf);
        if (rank == root) {
            check.sameShape(name, "recvbuf", recvbuf, kind, count * size);
        }
        return gatherv(sendbuf, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
    }

    Runnable gatherv(String verb, Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts,
                     int[] displs, int root) {
        String name = verb + "(root=" + root + ")";
        check.rank(name, "root", root, false);
        boolean inPlace = rank == root && sendbuf == Communicator.IN_PLACE;
        ArrayKind kind = check.kindOf(name, "buffer", inPlace ? recvbuf : sendbuf);
        return gatherv(inPlace ? null : sendbuf, sendOffset, sendCount, recvbuf, Blocks.of(counts, displs), root, kind, name);
    }

    private Runnable gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, Blocks blocks, int root,
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
        return () -> {
            Collectives.gather(call, kind, sendbuf, sendOffset, sendCount, recvbuf, blocks, root);
        };
    }

    Runnable allgather(String verb, Object sendbuf, Object recvbuf) {
        String name = verb + "()";
        ArrayKind kind = check.kindOf(name, "recvbuf", recvbuf);
        int n = check.equalBlocks(name, "recvbuf", kind, recvbuf);
        int count = n / size;
        if (sendbuf != Communicator.IN_PLACE) {
            check.sameShape(name, "sendbuf", sendbuf, kind, count);
        }
        Call call = collectives.begin(name, "count " + count + " from each rank", kind.ordinal(), count);
        return () -> {
            Collectives.allgather(call, kind, sendbuf == Communicator.IN_PLACE ? null : sendbuf, 0, recvbuf, Blocks.equal(size, count, 0));
        };
    }

    Runnable allgatherv(String verb, Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts,
                        int[] displs) {
        String name = verb + "()";
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
        return () -> {
            Collectives.allgather(call, kind, sendbuf == Communicator.IN_PLACE ? null : sendbuf, sendOffset, recvbuf, blocks);
        };
    }

    Runnable alltoall(String verb, Object sendbuf, Object recvbuf) {
        String name = verb + "()";
        ArrayKind kind = check.kindOf(name, "sendbuf", sendbuf);
        int n = check.equalBlocks(name, "sendbuf", kind, sendbuf);
        check.sameShape(name, "recvbuf", recvbuf, kind, n);
        Blocks blocks = Blocks.equal(size, n / size, 0);
        Call call = collectives.begin(name, "count " + n, kind.ordinal(), n);
        return () -> {
            Collectives.alltoall(call, kind, sendbuf, blocks, recvbuf, blocks);
        };
    }

    Runnable alltoallv(String verb, Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf,
                       int[] recvCounts, int[] recvDispls) {
        String name = verb + "()";
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
        return () -> {
            Collectives.alltoall(call, kind, sendbuf, send, recvbuf, recv);
        };
    }
}
