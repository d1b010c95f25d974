package org.mpionspark.bridge.transport;

/**
 * One step of a collective call among its ranks in this JVM, held on the {@link MeetingBoard}: the
 * members publish their arrays and arrive at phases; the last to arrive wakes the others.
 */
public interface Meeting {
    /** The local index of a member that joined with another call than {@code signature}, or -1. */
    int mismatch(int signature);

    /**
     * The member that joined with another call than most of the members that have joined, or -1
     * while no call has a strict majority: the one to blame for a mismatch.
     */
    int oddOneOut();

    /** Whether every member has joined. */
    boolean allJoined();

    /** The operation member {@code localIndex} joined with, for errors. */
    String operation(int localIndex);

    /** Publishes this member's array, seen by the others as {@link #buffer(int)}. */
    void publish(int localIndex, Object buf);

    Object buffer(int localIndex);

    /** Member {@code localIndex} has reached {@code phase} (0, 1, 2...); the last to arrive wakes the others. */
    void arrive(int localIndex, int phase);

    /** A member that has not reached {@code phase} yet, or -1. */
    int laggard(int phase);

    /** Whether every member has reached {@code phase}. */
    boolean reached(int phase);

    /** Member {@code localIndex} is done with the meeting; the last one out removes it. */
    void leave(int localIndex);
}
