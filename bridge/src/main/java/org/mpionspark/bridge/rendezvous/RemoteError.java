package org.mpionspark.bridge.rendezvous;

/** Stands for an error whose own class could not be sent or read back: keeps its text and stack. */
public final class RemoteError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RemoteError(String message, Throwable cause) {
        super(message, cause);
    }

    static RemoteError of(Throwable t) {
        RemoteError r = new RemoteError(t.getClass().getName() + ": " + t.getMessage(),
                t.getCause() == null ? null : of(t.getCause()));
        r.setStackTrace(t.getStackTrace());
        return r;
    }
}
