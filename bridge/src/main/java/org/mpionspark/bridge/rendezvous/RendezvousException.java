package org.mpionspark.bridge.rendezvous;

/** A rank could not join its world: refused by the server, timed out, or the server is unreachable. */
public class RendezvousException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RendezvousException(String message, Throwable cause) {
        super(message, cause);
    }
}
