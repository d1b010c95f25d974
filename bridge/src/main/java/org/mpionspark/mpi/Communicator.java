package org.mpionspark.mpi;

/**
 * One rank's view of an MPI communicator, after mpi4py's {@code Comm}.
 *
 * <p>Two tiers, told apart by name. The <em>array tier</em> ({@code send}, {@code recv},
 * {@code bcast}, {@code allreduce}) moves typed Java arrays and fills the caller's buffers in
 * place: it is the fast one. The <em>object tier</em> ({@code sendObject}, {@code recvObject},
 * {@code bcastObject}) moves any object Kryo can serialise and returns what it received.
 *
 * <p>Every blocking call ends: with its result, or with an {@link MpiException} naming this rank,
 * the operation and the peer, when a peer fails ({@link MpiAbortedException}), when the stage is
 * cancelled, or when the call waits longer than its timeout ({@link MpiTimeoutException}).
 * Bad arguments raise {@link IllegalArgumentException} before any byte is sent.
 *
 * <p><b>Caution:</b> a collective ({@code barrier}, {@code bcast*}, {@code allreduce}) must be
 * called by every rank of the communicator, in the same order; one rank skipping it leaves the
 * others waiting until their timeout.
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

    /** Blocks until every rank has entered the barrier ({@code MPI_Barrier}); a collective. */
    void barrier();

    // ---------------------------------------------------------------- point-to-point, array tier

    /** Sends the whole array to {@code dest} with {@code tag} ({@code MPI_Send}); blocks until the buffer may be reused. */
    void send(double[] buf, int dest, int tag);

    /** Sends the whole array to {@code dest} with {@code tag} ({@code MPI_Send}). */
    void send(int[] buf, int dest, int tag);

    /** Sends the whole array to {@code dest} with {@code tag} ({@code MPI_Send}). */
    void send(long[] buf, int dest, int tag);

    /**
     * Receives into {@code buf} a message from {@code source} with {@code tag} ({@code MPI_Recv});
     * blocks until it arrives. The message may be shorter than the buffer (see
     * {@link Status#count()}), never longer, and must hold the same element type.
     */
    Status recv(double[] buf, int source, int tag);

    /** Receives into {@code buf} ({@code MPI_Recv}); see {@link #recv(double[], int, int)}. */
    Status recv(int[] buf, int source, int tag);

    /** Receives into {@code buf} ({@code MPI_Recv}); see {@link #recv(double[], int, int)}. */
    Status recv(long[] buf, int source, int tag);

    // --------------------------------------------------------------- point-to-point, object tier

    /** Sends any Kryo-serialisable object to {@code dest} with {@code tag} (mpi4py's {@code send}). */
    void sendObject(Object obj, int dest, int tag);

    /** Receives an object from {@code source} with {@code tag} (mpi4py's {@code recv}); blocks until it arrives. */
    <T> T recvObject(int source, int tag);

    // ------------------------------------------------------------------------------ collectives

    /** Copies {@code root}'s array into every rank's {@code buf} ({@code MPI_Bcast}); a collective, same length on every rank. */
    void bcast(double[] buf, int root);

    /** Copies {@code root}'s array into every rank's {@code buf} ({@code MPI_Bcast}). */
    void bcast(int[] buf, int root);

    /** Copies {@code root}'s array into every rank's {@code buf} ({@code MPI_Bcast}). */
    void bcast(long[] buf, int root);

    /** Returns {@code root}'s object on every rank (mpi4py's {@code bcast}); other ranks' {@code obj} is ignored. */
    <T> T bcastObject(T obj, int root);

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} and leaves the result in
     * every rank's {@code recvbuf} ({@code MPI_Allreduce}); a collective, same length everywhere.
     * {@code sendbuf} and {@code recvbuf} may be the same array (MPI's {@code IN_PLACE}).
     */
    void allreduce(double[] sendbuf, double[] recvbuf, Op op);

    /** {@code MPI_Allreduce} of {@code long} arrays; see {@link #allreduce(double[], double[], Op)}. */
    void allreduce(long[] sendbuf, long[] recvbuf, Op op);

    /** {@code MPI_Allreduce} of {@code int} arrays; see {@link #allreduce(double[], double[], Op)}. */
    void allreduce(int[] sendbuf, int[] recvbuf, Op op);
}
