package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Every collective, routed: the one place that chooses, per call, between the ranks of one JVM
 * meeting in memory ({@link InMemory}), two levels (in memory per JVM, then messages among one
 * leader per JVM: {@link TwoLevel}), and messages over the transport (the algorithm classes). A
 * collective with no memory form goes by messages, which the memory transport carries within a JVM.
 */
public final class Collectives {

    private Collectives() {
    }

    public static void barrier(Call call) {
        Meetings here = call.meetings();
        Groups groups = call.groups();
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
        Groups groups = call.groups();
        if (here != null) {
            InMemory.bcast(here, call.rank(), kind, buf, offset, count, root);
        } else if (groups != null && TwoLevel.pays(kind, count)) {
            TwoLevel.bcast(groups, kind, buf, offset, count, root);
        } else {
            Bcast.run(call, kind, buf, offset, count, root);
        }
    }

    /** Reduces {@code data} (every rank's scratch copy, clobbered) into {@code data} at {@code root}. */
    public static void reduce(Call call, ArrayKind kind, Object data, int count, Op op, int root) {
        Meetings here = call.meetings();
        Groups groups = call.groups();
        if (here != null) {
            InMemory.reduce(here, call.rank(), call.size(), kind, data, count, op, root);
        } else if (groups != null && TwoLevel.pays(kind, count, op)) {
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
        Groups groups = call.groups();
        if (here != null) {
            InMemory.allreduce(here, call.rank(), call.size(), kind, buf, count, op);
        } else if (groups != null && TwoLevel.pays(kind, count, op)) {
            TwoLevel.allreduce(groups, kind, buf, count, op);
        } else {
            Allreduce.run(call, kind, buf, count, op);
        }
    }

    /** Reduce-scatter of {@code data} (packed blocks, clobbered): rank r's block holds the reduction. */
    public static void reduceScatter(Call call, ArrayKind kind, Object data, Blocks blocks, Op op) {
        if (op.commutative()) {
            ReduceScatter.ring(call, kind, data, blocks, op);
        } else {
            allreduce(call, kind, data, blocks.total(), op);
        }
    }

    public static void scan(Call call, ArrayKind kind, Object data, int count, Op op, boolean inclusive) {
        Scan.run(call, kind, data, count, op, inclusive);
    }

    public static void scatter(Call call, ArrayKind kind, Object sendbuf, Blocks blocks, Object recvbuf, int recvOffset,
                               int recvCount, int root) {
        Scatter.run(call, kind, sendbuf, blocks, recvbuf, recvOffset, recvCount, root);
    }

    public static void gather(Call call, ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, Object recvbuf,
                              Blocks blocks, int root) {
        Gather.run(call, kind, sendbuf, sendOffset, sendCount, recvbuf, blocks, root);
    }

    /** Two-level wherever JVMs are shared: each JVM's blocks then cross the network once, in one message per step. */
    public static void allgather(Call call, ArrayKind kind, Object sendbuf, int sendOffset, Object recvbuf,
                                 Blocks blocks) {
        Groups groups = call.meetings() == null ? call.groups() : null;
        if (groups != null) {
            TwoLevel.allgather(groups, call.rank(), kind, sendbuf, sendOffset, recvbuf, blocks);
        } else {
            Allgather.run(call, kind, sendbuf, sendOffset, recvbuf, blocks);
        }
    }

    public static void alltoall(Call call, ArrayKind kind, Object sendbuf, Blocks send, Object recvbuf, Blocks recv) {
        Alltoall.run(call, kind, sendbuf, send, recvbuf, recv);
    }
}
