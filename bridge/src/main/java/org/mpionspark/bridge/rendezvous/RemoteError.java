package org.mpionspark.bridge.rendezvous;

/**
 * Stands for an error whose own class could not be sent or read back, or must not be kept (an MPJ
 * Express error would pin its rank's class loader): keeps its class name, text and stack.
 */
public final class RemoteError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RemoteError(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code t}'s class and message, e.g. "EOFException" or "SocketException: Connection reset"; never "null". */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** A copy of {@code t} and its causes made only of this class. */
    public static RemoteError of(Throwable t) {
        RemoteError r = new RemoteError(t.getClass().getName() + ": " + t.getMessage(),
                t.getCause() == null ? null : of(t.getCause()));
        r.setStackTrace(t.getStackTrace());
        return r;
    }
}
