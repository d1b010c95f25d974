package org.mpionspark.mpi;

/** A blocking call waited longer than its timeout: the peer never answered. */
public class MpiTimeoutException extends MpiException {

    private static final long serialVersionUID = 2L;

    private final long timeoutMillis;

    public MpiTimeoutException(int rank, String operation, int peer, String message) {
        this(rank, operation, peer, -1, message);
    }

    /** {@code timeoutMillis}: the limit the call waited past ({@code spark.mpi.op.timeout}), so a blame can quote it. */
    public MpiTimeoutException(int rank, String operation, int peer, long timeoutMillis, String message) {
        super(rank, operation, peer, message);
        this.timeoutMillis = timeoutMillis;
    }

    /** The limit the call waited past, in milliseconds; -1 if not known. */
    public long timeoutMillis() {
        return timeoutMillis;
    }
}
