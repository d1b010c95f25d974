package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Every collective, routed: the one place that chooses, per call, between the ranks of one JVM
 * meeting in memory ({@link InMemory}), two levels (in memory per JVM, then messages among one
 * leader per JVM: {@link TwoLevel}, {@link TwoLevelMoves}), and messages over the transport (the
 * algorithm classes). A collective with no memory form goes by messages, which the memory transport
 * carries within a JVM. Two levels are taken where the call's ranks span JVMs and some share one
 * ({@link Call#groups()}), the result stays exact, and it pays ({@link TwoLevel#pays}: reductions,
 * scans and broadcasts from 64 KB; reduce-scatter and the collectives that move blocks always, but
 * scatter, whose root's direct sends win below 1 MB a rank: benchmarks/README.md) or is forced
 * ({@link Call#twoLevelAlways()}). Every rank must choose alike: sizes only the root knows never decide.
 */
public final class Collectives {

    private Collectives() {
    }

    public static void barrier(Call call) {
        Meetings here = call.meetings();
        Groups groups = here == null ? twoLevel(call, true) : null;
        if (here != null) {
            InMemory.barrier(here);
        } else if (groups != null) {
            TwoLevel.barrier(groups);
        } else {
            Barrier.run(call);
        }
    }

    public static void bcast(Call call, ArrayKind kind, Object buf, int offset, int count, int root) {
        Meetings here = call.meetings();
        Groups groups = here == null ? twoLevel(call, TwoLevel.pays(kind, count)) : null;
        if (here != null) {
            InMemory.bcast(here, call.rank(), kind, buf, offset, count, root);
        } else if (groups != null) {
            TwoLevel.bcast(groups, kind, buf, offset, count, root);
        } else {
            Bcast.run(call, kind, buf, offset, count, root);
        }
    }

    /** Reduces {@code data} (every rank's scratch copy, clobbered) into {@code data} at {@code root}. */
    public static void reduce(Call call, ArrayKind kind, Object data, int count, Op op, int root) {
        Meetings here = call.meetings();
        Groups groups = here == null ? twoLevel(call, TwoLevel.pays(kind, count), op) : null;
        if (here != null) {
            InMemory.reduce(here, call.rank(), call.size(), kind, data, count, op, root);
        } else if (groups != null) {
            TwoLevel.reduce(groups, kind, data, count, op, root);
        } else {
            Reduce.run(call, kind, data, count, op, root);
        }
    }

    /** Allreduce in place on {@code buf[0, count)}; every rank ends with bit-identical results. */
    public static void allreduce(Call call, ArrayKind kind, Object buf, int count, Op op) {
        if (call.size() == 1 || count == 0) {
            return;
        }
        Meetings here = call.meetings();
        Groups groups = here == null ? twoLevel(call, TwoLevel.pays(kind, count), op) : null;
        if (here != null) {
            InMemory.allreduce(here, call.rank(), call.size(), kind, buf, count, op);
        } else if (groups != null) {
            TwoLevel.allreduce(groups, kind, buf, count, op);
        } else {
            Allreduce.run(call, kind, buf, count, op);
        }
    }

    /** Reduce-scatter of {@code data} (packed blocks, clobbered): rank r's block holds the reduction. */
    public static void reduceScatter(Call call, ArrayKind kind, Object data, Blocks blocks, Op op) {
        if (!op.commutative()) {
            allreduce(call, kind, data, blocks.total(), op);
            return;
        }
        Groups groups = call.meetings() == null ? twoLevel(call, true) : null; // the flat ring's p - 1 steps cost more
        if (groups != null) {
            TwoLevel.reduceScatter(groups, call.rank(), call.size(), kind, data, blocks, op);
        } else {
            ReduceScatter.run(call, kind, data, blocks, op);
        }
    }

    /** Two levels only where each JVM holds consecutive ranks: a JVM's ranks are then a stretch of the prefix. */
    public static void scan(Call call, ArrayKind kind, Object data, int count, Op op, boolean inclusive) {
        Groups groups = call.meetings() == null ? twoLevel(call, TwoLevel.pays(kind, count)) : null;
        if (groups != null && TwoLevel.contiguous(groups, call.size())) {
            TwoLevel.scan(groups, kind, data, count, op, inclusive);
        } else {
            Scan.run(call, kind, data, count, op, inclusive);
        }
    }

    public static void scatter(Call call, ArrayKind kind, Object sendbuf, Blocks blocks, Object recvbuf, int recvOffset,
                               int recvCount, int root) {
        Groups groups = call.meetings() == null ? twoLevel(call, false) : null;
        if (groups != null) {
            TwoLevelMoves.scatter(groups, call.rank(), call.size(), kind, sendbuf, blocks, recvbuf, recvOffset,
                    recvCount, root);
        } else {
            Scatter.run(call, kind, sendbuf, blocks, recvbuf, recvOffset, recvCount, root);
        }
    }

    public static void gather(Call call, ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, Object recvbuf,
                              Blocks blocks, int root) {
        Groups groups = call.meetings() == null ? twoLevel(call, true) : null;
        if (groups != null) {
            TwoLevelMoves.gather(groups, call.rank(), call.size(), kind, sendbuf, sendOffset, sendCount, recvbuf,
                    blocks, root);
        } else {
            Gather.run(call, kind, sendbuf, sendOffset, sendCount, recvbuf, blocks, root);
        }
    }

    public static void allgather(Call call, ArrayKind kind, Object sendbuf, int sendOffset, Object recvbuf,
                                 Blocks blocks) {
        Groups groups = call.meetings() == null ? twoLevel(call, true) : null;
        if (groups != null) {
            TwoLevelMoves.allgather(groups, call.rank(), kind, sendbuf, sendOffset, recvbuf, blocks);
        } else {
            Allgather.run(call, kind, sendbuf, sendOffset, recvbuf, blocks);
        }
    }

    public static void alltoall(Call call, ArrayKind kind, Object sendbuf, Blocks send, Object recvbuf, Blocks recv) {
        Groups groups = call.meetings() == null ? twoLevel(call, true) : null;
        if (groups != null) {
            TwoLevelMoves.alltoall(groups, call.rank(), call.size(), kind, sendbuf, send, recvbuf, recv);
        } else {
            Alltoall.run(call, kind, sendbuf, send, recvbuf, recv);
        }
    }

    /** The call's JVM groups if it goes in two levels: JVMs shared, and {@code pays} or forced; else null. */
    private static Groups twoLevel(Call call, boolean pays) {
        Groups groups = call.groups();
        return groups != null && (pays || call.twoLevelAlways()) ? groups : null;
    }

    /** As {@link #twoLevel(Call, boolean)}, for a reduction by {@code op}, which must stay exact ({@link TwoLevel#exact}). */
    private static Groups twoLevel(Call call, boolean pays, Op op) {
        Groups groups = twoLevel(call, pays);
        return groups != null && TwoLevel.exact(groups, call.size(), op) ? groups : null;
    }
}
