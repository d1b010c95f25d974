package org.mpionspark.mpi;

import java.util.Optional;

/**
 * One rank's view of an MPI communicator, after mpi4py's {@code Comm}.
 *
 * <p>Two tiers, told apart by name. The <em>array tier</em> ({@code send}, {@code recv},
 * {@code bcast}, {@code allreduce}, ...) moves primitive arrays ({@code byte[]} to
 * {@code double[]}, {@code char[]}, {@code boolean[]}) and fills the caller's buffers in place: it
 * is the fast one; counts and offsets are in elements. The <em>object tier</em>
 * ({@code sendObject}, {@code recvObject}, {@code bcastObject}, ...) moves any object Kryo can
 * serialise and returns what it received.
 *
 * <p>Every blocking call ends: with its result, or with an {@link MpiException} naming this rank,
 * the operation and the peer, when a peer fails ({@link MpiAbortedException}), when the stage is
 * cancelled, or when the call waits longer than its timeout ({@link MpiTimeoutException}).
 * Bad arguments raise {@link IllegalArgumentException} before any byte is sent.
 *
 * <p><b>Caution:</b> a collective must be called by every rank of the communicator, in the same
 * order; one rank skipping it is reported as a mismatched collective (within about a second),
 * and ranks that all wait for each other as a deadlock (within {@code spark.mpi.deadlock.timeout}).
 *
 * <p>A rank's communicators may be used by one thread at a time: a call from a second thread
 * while another waits in the rank fails at once, and loses no message. A communicator cannot be
 * used after its stage: every call then fails at once.
 */
public interface Communicator {

    /** The wildcard source of a receive: match a message from any rank ({@code MPI_ANY_SOURCE}). */
    int ANY_SOURCE = -1;

    /** The wildcard tag of a receive: match a message with any tag ({@code MPI_ANY_TAG}). */
    int ANY_TAG = -1;

    /**
     * The null rank ({@code MPI_PROC_NULL}): a send to it or a receive from it completes at once and
     * moves nothing (the receive's status has source {@code PROC_NULL} and count 0); what
     * {@link CartCommunicator#shift} gives past the edge of a grid.
     */
    int PROC_NULL = -2;

    /** The largest tag a message may carry ({@code MPI_TAG_UB}); tags run from 0 to this. */
    int TAG_UB = (1 << 20) - 1;

    /** This rank's number, from 0 to {@code size() - 1} ({@code MPI_Comm_rank}). */
    int rank();

    /** The number of ranks in this communicator ({@code MPI_Comm_size}). */
    int size();

    /** The name of the host this rank runs on ({@code MPI_Get_processor_name}). */
    String processorName();

    /** Wall-clock time in seconds from an arbitrary origin ({@code MPI_Wtime}). */
    default double wtime() {
        return System.nanoTime() / 1e9;
    }

    /** The resolution of {@link #wtime()} in seconds ({@code MPI_Wtick}). */
    default double wtick() {
        return 1e-9;
    }

    /**
     * Aborts every rank of the world ({@code MPI_Abort}): the others fail with an
     * {@link MpiAbortedException} naming this rank, and this call throws one too.
     */
    void abort(int errorCode);

    /** Blocks until every rank has entered the barrier ({@code MPI_Barrier}); a collective. */
    void barrier();

    // ---------------------------------------------------------------- point-to-point, array tier

    /** Sends the whole array to {@code dest} with {@code tag} ({@code MPI_Send}); blocks until the buffer may be reused. */
    void send(Object buf, int dest, int tag);

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    void send(Object buf, int offset, int count, int dest, int tag);

    /**
     * Receives into {@code buf} a message from {@code source} with {@code tag} ({@code MPI_Recv});
     * blocks until it arrives. The message may be shorter than the buffer (see
     * {@link Status#count()}), never longer, and must hold the same element type; if it does not,
     * the error says so and the message stays queued for a matching receive.
     */
    Status recv(Object buf, int source, int tag);

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    Status recv(Object buf, int offset, int count, int source, int tag);

    /** Starts sending the whole array ({@code MPI_Isend}); do not touch {@code buf} until the request completes. */
    Request isend(Object buf, int dest, int tag);

    /** Starts sending {@code count} elements from {@code offset} ({@code MPI_Isend}). */
    Request isend(Object buf, int offset, int count, int dest, int tag);

    /** Starts receiving into the whole array ({@code MPI_Irecv}); receives match in the order they were posted. */
    Request irecv(Object buf, int source, int tag);

    /** Starts receiving at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Irecv}). */
    Request irecv(Object buf, int offset, int count, int source, int tag);

    /**
     * Sends {@code sendbuf} to {@code dest} and receives into {@code recvbuf} from {@code source}
     * at once ({@code MPI_Sendrecv}): safe where a send then a receive on every rank could deadlock.
     */
    Status sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag);

    /**
     * As {@link #sendrecv(Object, int, int, Object, int, int)}, sending {@code sendCount} elements
     * of {@code sendbuf} from {@code sendOffset} and receiving at most {@code recvCount} into
     * {@code recvbuf} from {@code recvOffset}: a halo exchange on slices of one array.
     */
    Status sendrecv(Object sendbuf, int sendOffset, int sendCount, int dest, int sendtag,
                    Object recvbuf, int recvOffset, int recvCount, int source, int recvtag);

    /** Sends {@code buf} to {@code dest}, then fills it with the message from {@code source} ({@code MPI_Sendrecv_replace}). */
    Status sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag);

    /** Blocks until a matching message has arrived and says what it holds, without receiving it ({@code MPI_Probe}). */
    Status probe(int source, int tag);

    /** What a matching message holds if one has arrived, without receiving it; never blocks ({@code MPI_Iprobe}). */
    Optional<Status> iprobe(int source, int tag);

    // --------------------------------------------------------------- point-to-point, object tier

    /** Sends any Kryo-serialisable object to {@code dest} with {@code tag} (mpi4py's {@code send}). */
    void sendObject(Object obj, int dest, int tag);

    /** Receives an object from {@code source} with {@code tag} (mpi4py's {@code recv}); blocks until it arrives. */
    <T> T recvObject(int source, int tag);

    /**
     * Receives an object as {@link #recvObject}, with the status of its message: the sender (useful
     * with {@link #ANY_SOURCE}), the tag and its size in bytes (mpi4py's {@code recv(status=st)}).
     */
    <T> Received<T> recvObjectWithStatus(int source, int tag);

    /**
     * Starts sending an object (mpi4py's {@code isend}): it is serialised now, so {@code obj} may be
     * changed at once; the request completes when the bytes may be reused.
     */
    Request isendObject(Object obj, int dest, int tag);

    /** Starts receiving an object (mpi4py's {@code irecv}); {@link ObjectRequest#waitForObject()} gives it. */
    <T> ObjectRequest<T> irecvObject(int source, int tag);

    /** Sends {@code obj} to {@code dest} and receives an object from {@code source} at once (mpi4py's {@code sendrecv}). */
    <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag);

    // ------------------------------------------------------------------------------ collectives

    /** Copies {@code root}'s array into every rank's {@code buf} ({@code MPI_Bcast}); a collective, same length on every rank. */
    void bcast(Object buf, int root);

    /** Copies {@code count} elements from {@code offset} of {@code root}'s {@code buf} into every rank's ({@code MPI_Bcast}). */
    void bcast(Object buf, int offset, int count, int root);

    /** Returns {@code root}'s object on every rank (mpi4py's {@code bcast}); other ranks' {@code obj} is ignored. */
    <T> T bcastObject(T obj, int root);

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} and leaves the result in
     * every rank's {@code recvbuf} ({@code MPI_Allreduce}); a collective, same length everywhere.
     * Pass {@link #IN_PLACE} (or the same array twice) to reduce {@code recvbuf} in place.
     */
    void allreduce(Object sendbuf, Object recvbuf, Op op);

    /**
     * {@link Op#MINLOC} or {@link Op#MAXLOC} on a typed pair of arrays, in place on every rank:
     * {@code values[i]} becomes the extremum over the ranks and {@code indices[i]} the index that
     * came with it (the smaller on a tie). {@code values} is a {@code double[]}, {@code float[]}, {@code long[]} or
     * {@code int[]} of the same length as {@code indices}.
     */
    default void allreduceLoc(Object values, int[] indices, Op op) {
        Object pairs = LocPairs.pack("allreduceLoc", values, indices, op);
        allreduce(IN_PLACE, pairs, op);
        LocPairs.unpack(pairs, values, indices);
    }

    /** As {@link #allreduceLoc}, the result at {@code root} only ({@code MPI_Reduce} with MINLOC/MAXLOC). */
    default void reduceLoc(Object values, int[] indices, Op op, int root) {
        Object pairs = LocPairs.pack("reduceLoc", values, indices, op);
        Object result = rank() == root ? java.lang.reflect.Array.newInstance(pairs.getClass().getComponentType(),
                java.lang.reflect.Array.getLength(pairs)) : null;
        reduce(pairs, result, op, root);
        if (result != null) {
            LocPairs.unpack(result, values, indices);
        }
    }

    /**
     * Starts a barrier and returns at once ({@code MPI_Ibarrier}); the request completes when every
     * rank has started it. Non-blocking collectives run in the order each rank starts them, beside
     * the rank's own work: that overlap is what they are for.
     */
    Request ibarrier();

    /**
     * Starts a broadcast of {@code buf} from {@code root} and returns at once ({@code MPI_Ibcast});
     * do not touch {@code buf} until the request completes.
     */
    Request ibcast(Object buf, int root);

    /**
     * Starts an allreduce and returns at once ({@code MPI_Iallreduce}); {@code recvbuf} holds the
     * result when the request completes, and must not be touched before.
     */
    Request iallreduce(Object sendbuf, Object recvbuf, Op op);

    // The other non-blocking collectives ({@code MPI_Ireduce} ...): each starts at once, in order on
    // this communicator, takes the arguments of its blocking form, and its buffers must not be
    // touched until its request completes. A non-blocking call never matches a blocking one.

    /** {@code MPI_Ibcast} of {@code count} elements of {@code buf} from {@code offset}. */
    Request ibcast(Object buf, int offset, int count, int root);

    /** {@code MPI_Ireduce}; see {@link #reduce}. */
    Request ireduce(Object sendbuf, Object recvbuf, Op op, int root);

    /** {@code MPI_Ireduce_scatter}; see {@link #reduceScatter}. */
    Request ireduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op);

    /** {@code MPI_Iscan}; see {@link #scan}. */
    Request iscan(Object sendbuf, Object recvbuf, Op op);

    /** {@code MPI_Iexscan}; see {@link #exscan}. */
    Request iexscan(Object sendbuf, Object recvbuf, Op op);

    /** {@code MPI_Iscatter}; see {@link #scatter}. */
    Request iscatter(Object sendbuf, Object recvbuf, int root);

    /** {@code MPI_Iscatterv}; see {@link #scatterv}. */
    Request iscatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount,
                      int root);

    /** {@code MPI_Igather}; see {@link #gather}. */
    Request igather(Object sendbuf, Object recvbuf, int root);

    /** {@code MPI_Igatherv}; see {@link #gatherv}. */
    Request igatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs,
                     int root);

    /** {@code MPI_Iallgather}; see {@link #allgather}. */
    Request iallgather(Object sendbuf, Object recvbuf);

    /** {@code MPI_Iallgatherv}; see {@link #allgatherv}. */
    Request iallgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs);

    /** {@code MPI_Ialltoall}; see {@link #alltoall}. */
    Request ialltoall(Object sendbuf, Object recvbuf);

    /** {@code MPI_Ialltoallv}; see {@link #alltoallv}. */
    Request ialltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts,
                       int[] recvDispls);

    /**
     * Combines every rank's {@code sendbuf} with {@code op} into {@code root}'s {@code recvbuf}
     * ({@code MPI_Reduce}); {@code recvbuf} matters at the root only (may be null elsewhere).
     * At the root, {@code sendbuf} may be {@link #IN_PLACE}: its contribution is read from
     * {@code recvbuf}, which then receives the result. A non-commutative operation is applied in
     * rank order.
     */
    void reduce(Object sendbuf, Object recvbuf, Op op, int root);

    /**
     * Reduces every rank's {@code sendbuf} (of {@code sum(counts)} elements) with {@code op} and
     * leaves block {@code i}, of {@code counts[i]} elements, in rank {@code i}'s {@code recvbuf}
     * ({@code MPI_Reduce_scatter}).
     */
    void reduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op);

    /** Leaves in rank r's {@code recvbuf} the reduction of ranks 0..r's {@code sendbuf} ({@code MPI_Scan}). */
    void scan(Object sendbuf, Object recvbuf, Op op);

    /** Leaves in rank r's {@code recvbuf} the reduction of ranks 0..r-1; rank 0's is left untouched ({@code MPI_Exscan}). */
    void exscan(Object sendbuf, Object recvbuf, Op op);

    /**
     * Hands rank {@code i} the {@code i}-th block of {@code root}'s {@code sendbuf}, each block
     * {@code recvbuf.length} elements long ({@code MPI_Scatter}); {@code sendbuf} matters at the
     * root only. At the root, {@code recvbuf} may be {@link #IN_PLACE}: its block stays in {@code sendbuf}.
     */
    void scatter(Object sendbuf, Object recvbuf, int root);

    /**
     * Hands rank {@code i} {@code counts[i]} elements of {@code root}'s {@code sendbuf} from
     * {@code displs[i]} ({@code MPI_Scatterv}), received into {@code recvbuf} from
     * {@code recvOffset}; {@code recvCount} must equal the root's {@code counts[rank]}.
     * {@code displs} may be null: blocks packed in rank order. {@code counts} and {@code displs}
     * matter at the root only.
     */
    void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount, int root);

    /**
     * Collects every rank's {@code sendbuf} into {@code root}'s {@code recvbuf}, rank {@code i}'s
     * at {@code i * sendbuf.length} ({@code MPI_Gather}); {@code recvbuf} matters at the root only.
     * At the root, {@code sendbuf} may be {@link #IN_PLACE}: its block is already in place.
     */
    void gather(Object sendbuf, Object recvbuf, int root);

    /**
     * Collects {@code sendCount} elements from every rank into {@code root}'s {@code recvbuf},
     * rank {@code i}'s at {@code displs[i]} ({@code MPI_Gatherv}); e.g. the rows of an image, in
     * elements: {@code counts[i] = rows[i] * width} (what mpi4py's contiguous row type does).
     * {@code displs} may be null: blocks packed in rank order, like mpi4py's {@code (counts, None)}.
     * {@code counts} and {@code displs} matter at the root only. A rank whose {@code sendCount}
     * differs from the root's {@code counts} entry makes the call fail, naming both sizes.
     */
    void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs, int root);

    /** Collects every rank's {@code sendbuf} into every rank's {@code recvbuf}, in rank order ({@code MPI_Allgather}). */
    void allgather(Object sendbuf, Object recvbuf);

    /** {@code MPI_Allgatherv}: like {@link #gatherv}, on every rank; {@code sendbuf} may be {@link #IN_PLACE}, {@code displs} null (packed). */
    void allgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs);

    /** Sends block {@code i} of {@code sendbuf} to rank {@code i} and receives rank {@code i}'s into block {@code i} of {@code recvbuf} ({@code MPI_Alltoall}). */
    void alltoall(Object sendbuf, Object recvbuf);

    /** {@code MPI_Alltoallv}: blocks of any size, in elements; null displacements mean packed blocks in rank order. */
    void alltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts, int[] recvDispls);

    // ---------------------------------------------------------------- collectives, object tier

    /** Rank {@code i} gets {@code objs.get(i)} of the root's list (mpi4py's {@code scatter}); {@code objs} matters at the root only. */
    <T> T scatterObject(java.util.List<T> objs, int root);

    /** The root gets every rank's object in rank order, the others {@code null} (mpi4py's {@code gather}). */
    <T> java.util.List<T> gatherObject(T obj, int root);

    /** Every rank gets every rank's object in rank order (mpi4py's {@code allgather}). */
    <T> java.util.List<T> allgatherObject(T obj);

    /** Rank {@code i} sends {@code objs.get(j)} to rank {@code j} and gets what each rank sent it (mpi4py's {@code alltoall}). */
    <T> java.util.List<T> alltoallObject(java.util.List<T> objs);

    /** The root gets every rank's object folded with {@code op} in rank order, the others {@code null} (mpi4py's {@code reduce}). */
    <T> T reduceObject(T obj, java.util.function.BinaryOperator<T> op, int root);

    /** Every rank gets every rank's object folded with {@code op} in rank order (mpi4py's {@code allreduce}). */
    <T> T allreduceObject(T obj, java.util.function.BinaryOperator<T> op);

    /** Rank r gets the objects of ranks 0..r folded in rank order (mpi4py's {@code scan}). */
    <T> T scanObject(T obj, java.util.function.BinaryOperator<T> op);

    /** Rank r gets the objects of ranks 0..r-1 folded in rank order; rank 0 gets {@code null} (mpi4py's {@code exscan}). */
    <T> T exscanObject(T obj, java.util.function.BinaryOperator<T> op);

    // ------------------------------------------------------------- communicators and groups

    /** The processes of this communicator, in rank order ({@code MPI_Comm_group}). */
    Group group();

    /**
     * Splits this communicator by {@code color}: ranks of one color form a new communicator,
     * ordered by {@code key} then by rank here ({@code MPI_Comm_split}); a collective. A rank
     * whose color is {@link Group#UNDEFINED} gets {@code null}.
     */
    Communicator split(int color, int key);

    /** A new communicator with the same ranks, whose messages never mix with this one's ({@code MPI_Comm_dup}); a collective. */
    Communicator dup();

    /**
     * A communicator of {@code group}'s processes, in group order, or {@code null} on ranks not in
     * it ({@code MPI_Comm_create}); a collective over this communicator, every rank passing the
     * same group. The course's {@code Create_group} maps here.
     */
    Communicator create(Group group);

    /**
     * A communicator of this rank alone ({@code MPI_COMM_SELF}): size 1, rank 0; every collective
     * returns at once with this rank's own data, a send to rank 0 is a message to itself. The same
     * communicator on every call; it cannot be freed.
     */
    Communicator self();

    /**
     * A communicator over the first {@code product(dims)} ranks of this one arranged as a grid
     * ({@code MPI_Cart_create}, without reordering); collective; {@code null} on the ranks left out.
     * {@code periods[d]}: whether dimension {@code d} wraps around. See {@link #dimsCreate}.
     */
    CartCommunicator createCart(int[] dims, boolean[] periods);

    /**
     * Dimensions as balanced as possible for {@code nnodes} ranks in {@code ndims} dimensions, in
     * non-increasing order ({@code MPI_Dims_create}), e.g. 12 ranks in 2 dimensions: {@code {4, 3}},
     * 72 in 2: {@code {9, 8}}.
     */
    static int[] dimsCreate(int nnodes, int ndims) {
        if (ndims < 1) {
            throw new IllegalArgumentException("dimsCreate needs at least 1 rank and 1 dimension, not " + nnodes
                    + " and " + ndims);
        }
        return Dims.create(nnodes, new int[ndims]);
    }

    /**
     * As {@link #dimsCreate(int, int)}, with some dimensions fixed ({@code MPI_Dims_create} with
     * non-zero entries, mpi4py's {@code Compute_dims(n, dims)}): each 0 in {@code dims} is chosen,
     * the others kept; e.g. 24 ranks and {@code {0, 2, 0}}: {@code {4, 2, 3}}. The fixed dimensions'
     * product must divide {@code nnodes}.
     */
    static int[] dimsCreate(int nnodes, int[] dims) {
        return Dims.create(nnodes, dims);
    }

    /**
     * Frees this communicator, made by {@link #split}, {@link #dup} or {@link #create}
     * ({@code MPI_Comm_free}); local, no message is exchanged. Every later call on it fails at
     * once; the world communicator and {@link #self()} cannot be freed.
     */
    void free();

    /** In a collective, stands for "the receive buffer is also the send buffer" ({@code MPI_IN_PLACE}). */
    Object IN_PLACE = new Object() {
        @Override
        public String toString() {
            return "IN_PLACE";
        }
    };
}
