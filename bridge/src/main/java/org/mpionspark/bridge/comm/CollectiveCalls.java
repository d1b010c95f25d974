package org.mpionspark.bridge.comm;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Request;

/**
 * The array tier's collectives of a {@link RankCommunicator}, blocking and non-blocking: each is
 * checked and begun at once, in the order the rank calls it ({@link ArrayCollectives}), then run
 * now, or on the communicator's {@link CollectiveLane} while the rank goes on.
 */
abstract class CollectiveCalls implements Communicator {

    private final CommState comm;
    private final ArrayCollectives collectives;

    CollectiveCalls(CommState comm) {
        this.comm = comm;
        this.collectives = new ArrayCollectives(comm);
    }

    /** The collectives, unless this communicator was freed; {@code call} names the call refused. */
    private ArrayCollectives live(String call) {
        comm.live(call + "()");
        return collectives;
    }

    /** Runs {@code work}, begun already, on this communicator's lane; {@code operation} names it in errors. */
    private Request start(String operation, Runnable work) {
        return comm.lane().start(operation, work);
    }

    /** The implicit barrier at the end of a rank, before {@code MPI_Finalize}: unbounded, ends on an abort. */
    void endOfRank() {
        collectives.endOfRank();
    }

    @Override
    public void barrier() {
        live("barrier").barrier("barrier").run();
    }

    @Override
    public void bcast(Object buf, int root) {
        bcast(buf, 0, comm.check.lengthOf("bcast(root=" + root + ")", buf), root);
    }

    @Override
    public void bcast(Object buf, int offset, int count, int root) {
        live("bcast").bcast("bcast", buf, offset, count, root).run();
    }

    @Override
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        live("allreduce").allreduce("allreduce", sendbuf, recvbuf, op).run();
    }

    @Override
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        live("reduce").reduce("reduce", sendbuf, recvbuf, op, root).run();
    }

    @Override
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op) {
        live("reduceScatter").reduceScatter("reduceScatter", sendbuf, recvbuf, counts, op).run();
    }

    @Override
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        live("scan").scan("scan", sendbuf, recvbuf, op).run();
    }

    @Override
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        live("exscan").exscan("exscan", sendbuf, recvbuf, op).run();
    }

    @Override
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        live("scatter").scatter("scatter", sendbuf, recvbuf, root).run();
    }

    @Override
    public void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount,
                         int root) {
        live("scatterv").scatterv("scatterv", sendbuf, counts, displs, recvbuf, recvOffset, recvCount, root).run();
    }

    @Override
    public void gather(Object sendbuf, Object recvbuf, int root) {
        live("gather").gather("gather", sendbuf, recvbuf, root).run();
    }

    @Override
    public void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs,
                        int root) {
        live("gatherv").gatherv("gatherv", sendbuf, sendOffset, sendCount, recvbuf, counts, displs, root).run();
    }

    @Override
    public void allgather(Object sendbuf, Object recvbuf) {
        live("allgather").allgather("allgather", sendbuf, recvbuf).run();
    }

    @Override
    public void allgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs) {
        live("allgatherv").allgatherv("allgatherv", sendbuf, sendOffset, sendCount, recvbuf, counts, displs).run();
    }

    @Override
    public void alltoall(Object sendbuf, Object recvbuf) {
        live("alltoall").alltoall("alltoall", sendbuf, recvbuf).run();
    }

    @Override
    public void alltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts,
                          int[] recvDispls) {
        live("alltoallv").alltoallv("alltoallv", sendbuf, sendCounts, sendDispls, recvbuf, recvCounts, recvDispls)
                .run();
    }

    // ------------------------------------------------------------------------------- non-blocking

    @Override
    public Request ibarrier() {
        return start("ibarrier()", live("ibarrier").barrier("ibarrier"));
    }

    @Override
    public Request ibcast(Object buf, int root) {
        String op = "ibcast(root=" + root + ")";
        return start(op, live("ibcast").bcast("ibcast", buf, 0, comm.check.lengthOf(op, buf), root));
    }

    @Override
    public Request ibcast(Object buf, int offset, int count, int root) {
        return start("ibcast(root=" + root + ")", live("ibcast").bcast("ibcast", buf, offset, count, root));
    }

    @Override
    public Request iallreduce(Object sendbuf, Object recvbuf, Op op) {
        return start("iallreduce(" + op + ")", live("iallreduce").allreduce("iallreduce", sendbuf, recvbuf, op));
    }

    @Override
    public Request ireduce(Object sendbuf, Object recvbuf, Op op, int root) {
        return start("ireduce(" + op + ", root=" + root + ")",
                live("ireduce").reduce("ireduce", sendbuf, recvbuf, op, root));
    }

    @Override
    public Request ireduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op) {
        return start("ireduceScatter(" + op + ")",
                live("ireduceScatter").reduceScatter("ireduceScatter", sendbuf, recvbuf, counts, op));
    }

    @Override
    public Request iscan(Object sendbuf, Object recvbuf, Op op) {
        return start("iscan(" + op + ")", live("iscan").scan("iscan", sendbuf, recvbuf, op));
    }

    @Override
    public Request iexscan(Object sendbuf, Object recvbuf, Op op) {
        return start("iexscan(" + op + ")", live("iexscan").exscan("iexscan", sendbuf, recvbuf, op));
    }

    @Override
    public Request iscatter(Object sendbuf, Object recvbuf, int root) {
        return start("iscatter(root=" + root + ")", live("iscatter").scatter("iscatter", sendbuf, recvbuf, root));
    }

    @Override
    public Request iscatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount,
                             int root) {
        return start("iscatterv(root=" + root + ")", live("iscatterv").scatterv("iscatterv", sendbuf, counts, displs,
                recvbuf, recvOffset, recvCount, root));
    }

    @Override
    public Request igather(Object sendbuf, Object recvbuf, int root) {
        return start("igather(root=" + root + ")", live("igather").gather("igather", sendbuf, recvbuf, root));
    }

    @Override
    public Request igatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs,
                            int root) {
        return start("igatherv(root=" + root + ")", live("igatherv").gatherv("igatherv", sendbuf, sendOffset, sendCount,
                recvbuf, counts, displs, root));
    }

    @Override
    public Request iallgather(Object sendbuf, Object recvbuf) {
        return start("iallgather()", live("iallgather").allgather("iallgather", sendbuf, recvbuf));
    }

    @Override
    public Request iallgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts,
                               int[] displs) {
        return start("iallgatherv()", live("iallgatherv").allgatherv("iallgatherv", sendbuf, sendOffset, sendCount,
                recvbuf, counts, displs));
    }

    @Override
    public Request ialltoall(Object sendbuf, Object recvbuf) {
        return start("ialltoall()", live("ialltoall").alltoall("ialltoall", sendbuf, recvbuf));
    }

    @Override
    public Request ialltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts,
                              int[] recvDispls) {
        return start("ialltoallv()", live("ialltoallv").alltoallv("ialltoallv", sendbuf, sendCounts, sendDispls,
                recvbuf, recvCounts, recvDispls));
    }
}
