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
 * order; one rank skipping it leaves the others waiting until their timeout.
 *
 * <p>A communicator belongs to its rank's thread: do not call it from two threads at once.
 */
public interface Communicator {

    /** The wildcard source of a receive: match a message from any rank ({@code MPI_ANY_SOURCE}). */
    int ANY_SOURCE = -1;

    /** The wildcard tag of a receive: match a message with any tag ({@code MPI_ANY_TAG}). */
    int ANY_TAG = -1;

    /** The largest tag a message may carry ({@code MPI_TAG_UB}); tags run from 0 to this. */
    int TAG_UB = (1 << 24) - 1;

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

    /** In a collective, stands for "the receive buffer is also the send buffer" ({@code MPI_IN_PLACE}). */
    Object IN_PLACE = new Object() {
        @Override
        public String toString() {
            return "IN_PLACE";
        }
    };
}
