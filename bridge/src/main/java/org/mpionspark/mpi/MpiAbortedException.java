package org.mpionspark.mpi;

/**
 * This rank's call was abandoned because the world was aborted: another rank failed (its error is
 * the cause), its executor was lost, or the stage was cancelled.
 */
public class MpiAbortedException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final int failedRank;

    public MpiAbortedException(int rank, String operation, int peer, int failedRank, String message,
                               Throwable cause) {
        super(rank, operation, peer, message, cause);
        this.failedRank = failedRank;
    }

    /** The rank whose failure caused the abort, or -1 when the abort did not come from a rank. */
    public int failedRank() {
        return failedRank;
    }
}
