package org.mpionspark.mpi;

/** A blocking call waited longer than its timeout: the peer never answered. */
public class MpiTimeoutException extends MpiException {

    private static final long serialVersionUID = 1L;

    public MpiTimeoutException(int rank, String operation, int peer, String message) {
        super(rank, operation, peer, message);
    }
}
