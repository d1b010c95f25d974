package org.mpionspark.bridge.comm;

import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;

import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.wait.BlockReport;
import org.mpionspark.bridge.wait.Waiter;
import org.mpionspark.mpi.CartCommunicator;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Group;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Received;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * The {@link Communicator} of one rank over a {@link Transport}: a facade over its parts, each of
 * which checks arguments ({@link Arguments}) before any byte moves and waits through the {@link Waiter}:
 * {@link PointToPoint}, the array tier's collectives ({@link CollectiveCalls}), {@link ObjectTier} and
 * {@link Communicators}.
 */
class RankCommunicator extends CollectiveCalls {

    private final CommState comm;
    private final PointToPoint p2p;
    private final ObjectTier objects;
    private final Communicators communicators;

    /**
     * The world communicator of a rank ({@code MPI_COMM_WORLD}); {@code coresShared}: whether ranks
     * outnumber some host's processors, which picks the collective algorithms; {@code twoLevel}:
     * which of them go in two levels across JVMs; {@code report} tells the driver's watchdog about long waits.
     */
    RankCommunicator(Transport transport, AbortState abort, long opTimeoutMillis, ObjectCodec codec,
                     boolean coresShared, TwoLevelMode twoLevel, BlockReport report) {
        this(CommState.forWorld(new RankState(transport, abort, opTimeoutMillis, codec, coresShared, twoLevel,
                report)));
    }

    RankCommunicator(CommState comm) {
        super(comm);
        this.comm = comm;
        this.p2p = new PointToPoint(comm);
        this.objects = new ObjectTier(comm, p2p);
        this.communicators = new Communicators(comm);
    }

    /** This communicator's state, for {@link CartRankCommunicator} and {@link EngineAccess}. */
    final CommState state() {
        return comm;
    }

    /** This communicator's construction part, for {@link CartRankCommunicator}. */
    final Communicators communicators() {
        return live("communicators", communicators);
    }

    /** The communicator over {@code made}, or null where this rank is not a member. */
    private static Communicator of(CommState made) {
        return made == null ? null : new RankCommunicator(made);
    }

    @Override
    public int rank() {
        return comm.rank;
    }

    @Override
    public int size() {
        return comm.size;
    }

    @Override
    public String processorName() {
        Transport transport = comm.shared.transport;
        return comm.shared.waiter.call(transport::processorName, "processorName()", -1);
    }

    @Override
    public void abort(int errorCode) {
        String op = "abort(" + errorCode + ")";
        AbortState abort = comm.shared.abort;
        abort.abortWorld(comm.rank, "rank " + comm.rank + " called MPI_Abort with error code " + errorCode);
        abort.check(op, -1);
    }

    /** {@code part} of this communicator, unless it was freed; {@code call} names the call refused. */
    private <P> P live(String call, P part) {
        comm.live(call + "()");
        return part;
    }

    // ---------------------------------------------------------------------------- point-to-point

    @Override
    public void send(Object buf, int dest, int tag) {
        live("send", p2p).send(buf, dest, tag);
    }

    @Override
    public void send(Object buf, int offset, int count, int dest, int tag) {
        live("send", p2p).send(buf, offset, count, dest, tag);
    }

    @Override
    public Status recv(Object buf, int source, int tag) {
        return live("recv", p2p).recv(buf, source, tag);
    }

    @Override
    public Status recv(Object buf, int offset, int count, int source, int tag) {
        return live("recv", p2p).recv(buf, offset, count, source, tag);
    }

    @Override
    public Request isend(Object buf, int dest, int tag) {
        return live("isend", p2p).isend(buf, dest, tag);
    }

    @Override
    public Request isend(Object buf, int offset, int count, int dest, int tag) {
        return live("isend", p2p).isend(buf, offset, count, dest, tag);
    }

    @Override
    public Request irecv(Object buf, int source, int tag) {
        return live("irecv", p2p).irecv(buf, source, tag);
    }

    @Override
    public Request irecv(Object buf, int offset, int count, int source, int tag) {
        return live("irecv", p2p).irecv(buf, offset, count, source, tag);
    }

    @Override
    public Status sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag) {
        return live("sendrecv", p2p).sendrecv(sendbuf, dest, sendtag, recvbuf, source, recvtag);
    }

    @Override
    public Status sendrecv(Object sendbuf, int sendOffset, int sendCount, int dest, int sendtag,
                           Object recvbuf, int recvOffset, int recvCount, int source, int recvtag) {
        return live("sendrecv", p2p).sendrecv(sendbuf, sendOffset, sendCount, dest, sendtag, recvbuf, recvOffset,
                recvCount, source, recvtag);
    }

    @Override
    public Status sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag) {
        return live("sendrecvReplace", p2p).sendrecvReplace(buf, dest, sendtag, source, recvtag);
    }

    @Override
    public Status probe(int source, int tag) {
        return live("probe", p2p).probe(source, tag);
    }

    @Override
    public Optional<Status> iprobe(int source, int tag) {
        return live("iprobe", p2p).iprobe(source, tag);
    }

    // -------------------------------------------------------------------------------- object tier

    @Override
    public void sendObject(Object obj, int dest, int tag) {
        live("sendObject", objects).sendObject(obj, dest, tag);
    }

    @Override
    public <T> T recvObject(int source, int tag) {
        return live("recvObject", objects).recvObject(source, tag);
    }

    @Override
    public <T> Received<T> recvObjectWithStatus(int source, int tag) {
        return live("recvObjectWithStatus", objects).recvObjectWithStatus(source, tag);
    }

    @Override
    public Request isendObject(Object obj, int dest, int tag) {
        return live("isendObject", objects).isendObject(obj, dest, tag);
    }

    @Override
    public <T> ObjectRequest<T> irecvObject(int source, int tag) {
        return live("irecvObject", objects).irecvObject(source, tag);
    }

    @Override
    public <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        return live("sendrecvObject", objects).sendrecvObject(obj, dest, sendtag, source, recvtag);
    }

    @Override
    public <T> T bcastObject(T obj, int root) {
        return live("bcastObject", objects).bcastObject(obj, root);
    }

    @Override
    public <T> T scatterObject(List<T> objs, int root) {
        return live("scatterObject", objects).scatterObject(objs, root);
    }

    @Override
    public <T> List<T> gatherObject(T obj, int root) {
        return live("gatherObject", objects).gatherObject(obj, root);
    }

    @Override
    public <T> List<T> allgatherObject(T obj) {
        return live("allgatherObject", objects).allgatherObject(obj);
    }

    @Override
    public <T> List<T> alltoallObject(List<T> objs) {
        return live("alltoallObject", objects).alltoallObject(objs);
    }

    @Override
    public <T> T reduceObject(T obj, BinaryOperator<T> op, int root) {
        return live("reduceObject", objects).reduceObject(obj, op, root);
    }

    @Override
    public <T> T allreduceObject(T obj, BinaryOperator<T> op) {
        return live("allreduceObject", objects).allreduceObject(obj, op);
    }

    @Override
    public <T> T scanObject(T obj, BinaryOperator<T> op) {
        return live("scanObject", objects).scanObject(obj, op);
    }

    @Override
    public <T> T exscanObject(T obj, BinaryOperator<T> op) {
        return live("exscanObject", objects).exscanObject(obj, op);
    }

    // ------------------------------------------------------------------ communicators and groups

    @Override
    public Group group() {
        return live("group", communicators).group();
    }

    @Override
    public Communicator split(int color, int key) {
        return of(live("split", communicators).split(color, key));
    }

    @Override
    public Communicator dup() {
        return of(live("dup", communicators).dup());
    }

    @Override
    public Communicator create(Group group) {
        return of(live("create", communicators).create(group));
    }

    @Override
    public Communicator self() {
        comm.live("self()");
        RankState shared = comm.shared;
        if (shared.selfCommunicator == null) {
            shared.self = CommState.forSelf(shared);
            shared.selfCommunicator = new RankCommunicator(shared.self);
        }
        return shared.selfCommunicator;
    }

    /** Stops the rank's non-blocking collectives' thread, with the rank. */
    void closeLane() {
        comm.shared.closeLanes();
    }

    @Override
    public CartCommunicator createCart(int[] dims, boolean[] periods) {
        String op = "createCart(" + java.util.Arrays.toString(dims) + ", " + java.util.Arrays.toString(periods) + ")";
        CartTopology grid = CartTopology.of(comm.check, op, dims, periods, comm.size);
        CommState made = live(op, communicators).split(comm.rank < grid.cells() ? 0 : Group.UNDEFINED, comm.rank);
        return made == null ? null : new CartRankCommunicator(made, grid);
    }

    @Override
    public void free() {
        comm.free();
    }
}
