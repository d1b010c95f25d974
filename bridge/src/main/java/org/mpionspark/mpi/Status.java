package org.mpionspark.mpi;

/**
 * What a completed receive found ({@code MPI_Status}): the sender, the tag, and how many elements
 * (or bytes, for objects) the message held; {@code cancelled} ({@code MPI_Test_cancelled}) when
 * {@link Request#cancel()} withdrew the receive before any message matched it, which then took
 * none: its source is {@link Communicator#ANY_SOURCE}, its tag {@link Communicator#ANY_TAG}, its count 0.
 */
public record Status(int source, int tag, int count, boolean cancelled) {

    /** The status of a receive that took a message, or of a send. */
    public Status(int source, int tag, int count) {
        this(source, tag, count, false);
    }

    /** {@code Status[source=1, tag=0, count=4]}, or {@code Status[cancelled]}. */
    @Override
    public String toString() {
        return cancelled ? "Status[cancelled]" : "Status[source=" + source + ", tag=" + tag + ", count=" + count + "]";
    }
}
