package org.mpionspark.bridge.collective;

/**
 * A collective call whose ranks live in several JVMs, some sharing one: each JVM's ranks meet in
 * memory ({@link #local()}), and one rank of each (its leader, the lowest rank) talks to the other
 * JVMs' leaders over the network ({@link #leaders()}).
 */
public interface Groups {

    /** This JVM's ranks of the call, meeting in memory; indices 0 to {@link #localSize()} - 1, 0 the leader. */
    Meetings local();

    int localIndex();

    int localSize();

    /** The leaders of every JVM, as links among themselves; null on a rank that is not its JVM's leader. */
    Links leaders();

    /** The local index of rank {@code rank} of the call, or -1 if it lives in another JVM. */
    int localIndexOf(int rank);

    /** The index, among the leaders, of the leader of the JVM where rank {@code rank} of the call lives. */
    int leaderOf(int rank);

    /**
     * The error for rank {@code rank}'s block holding {@code sent} elements where {@code expected}
     * were expected, in the words of the same mismatch found in a message.
     */
    RuntimeException countMismatch(int rank, int sent, int expected);
}
