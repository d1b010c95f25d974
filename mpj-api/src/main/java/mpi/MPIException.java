package mpi;

/**
 * Every failure of an MPJ Express call ({@code mpi.MPIException}, unchecked as in MPJ Express
 * 0.44): it carries mpi-on-spark's message, which names the rank, the call and the peer, and keeps
 * the original exception as its cause.
 */
public class MPIException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MPIException() {
        super();
    }

    public MPIException(String message) {
        super(message);
    }

    public MPIException(Throwable cause) {
        super(cause == null ? null : cause.getMessage(), cause);
    }

    MPIException(String message, Throwable cause) {
        super(message, cause);
    }
}
