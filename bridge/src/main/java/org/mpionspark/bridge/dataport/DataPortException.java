package org.mpionspark.bridge.dataport;

/**
 * A data connection between two endpoints of a world could not be made safely. Unchecked, so that
 * MPJ Express's start-up, which retries any {@link java.io.IOException} of a connection, fails
 * with it instead.
 */
public final class DataPortException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataPortException(String message) {
        super(message);
    }

    public DataPortException(String message, Throwable cause) {
        super(message, cause);
    }
}
