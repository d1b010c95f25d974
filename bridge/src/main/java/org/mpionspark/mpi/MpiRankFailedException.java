package org.mpionspark.mpi;

/**
 * The error of an SPMD stage as a whole: rank {@link #failedRank()} of {@link #worldSize()} threw,
 * and its original exception is the cause.
 */
public class MpiRankFailedException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final int worldSize;

    public MpiRankFailedException(int failedRank, int worldSize, String message, Throwable cause) {
        super("rank " + failedRank + " of " + worldSize + " failed: " + message, failedRank, null, -1, cause);
        this.worldSize = worldSize;
    }

    /** The rank that failed first. */
    public int failedRank() {
        return rank();
    }

    /** The number of ranks of the failed world. */
    public int worldSize() {
        return worldSize;
    }
}
