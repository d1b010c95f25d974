package org.mpionspark.mpi;

/**
 * The one unchecked root of every MPI failure: it names the rank that saw it, the operation and
 * the peer (or -1 when there is none), and always keeps its cause.
 */
public class MpiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int rank;
    private final String operation;
    private final int peer;

    public MpiException(int rank, String operation, int peer, String message, Throwable cause) {
        super(describe(rank, operation, peer, message), cause);
        this.rank = rank;
        this.operation = operation;
        this.peer = peer;
    }

    public MpiException(int rank, String operation, int peer, String message) {
        this(rank, operation, peer, message, null);
    }

    /** For subclasses whose message already says everything. */
    protected MpiException(String fullMessage, int rank, String operation, int peer, Throwable cause) {
        super(fullMessage, cause);
        this.rank = rank;
        this.operation = operation;
        this.peer = peer;
    }

    private static String describe(int rank, String operation, int peer, String message) {
        StringBuilder s = new StringBuilder();
        if (rank >= 0) {
            s.append("rank ").append(rank);
        }
        if (operation != null) {
            s.append(rank >= 0 ? " in " : "").append(operation);
        }
        if (peer >= 0) {
            s.append(" (peer rank ").append(peer).append(')');
        }
        return s.append(": ").append(message).toString();
    }

    /** The rank on which the failure was raised, or -1 for a failure of the stage as a whole. */
    public int rank() {
        return rank;
    }

    /** The MPI operation that failed, e.g. {@code "recv(source=1, tag=0)"}. */
    public String operation() {
        return operation;
    }

    /** The peer rank the operation was waiting on, or -1 if none or any. */
    public int peer() {
        return peer;
    }
}
