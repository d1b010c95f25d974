package org.mpionspark.mpi;

/**
 * An object and the {@link Status} of the message that brought it (who sent it, with which tag,
 * how many bytes), from {@link Communicator#recvObjectWithStatus} (mpi4py's {@code recv(status=st)}).
 */
public record Received<T>(T value, Status status) {
}
