package org.mpionspark.bridge;

/**
 * The seam of the shared-memory collectives: the ranks of one world that live in this JVM, and
 * where their collective calls meet to read each other's arrays in place. Implemented by the
 * memory path ({@code bridge.memory}); collectives of ranks that share no JVM never see one.
 */
public interface SharedNode {

    /** Whether world rank {@code worldRank} lives in this JVM (this rank included). */
    boolean local(int worldRank);

    /**
     * Joins the meeting of collective call {@code seq} of communicator {@code context}, made by the
     * first of its {@code members} local ranks to arrive: it holds their arrays and the phases
     * they reach. {@code signature} and {@code operation} describe this rank's call, so a peer
     * calling something else is caught at once ({@link Meeting#mismatch}).
     */
    Meeting meet(int context, int seq, int members, int localIndex, int signature, String operation);

    /** One collective call's meeting point among the ranks of this JVM. */
    interface Meeting {
        /** The local index of a member that joined with another call than {@code signature}, or -1. */
        int mismatch(int signature);

        /** The operation member {@code localIndex} joined with, for errors. */
        String operation(int localIndex);

        /** Publishes this member's array, seen by the others as {@link #buffer(int)}. */
        void publish(int localIndex, Object buf);

        Object buffer(int localIndex);

        /** This member has reached {@code phase} (0, 1, 2...); the last to arrive wakes the others. */
        void arrive(int phase);

        /** Whether every member has reached {@code phase}. */
        boolean reached(int phase);

        /** This member is done with the meeting; the last one out removes it. */
        void leave();
    }
}
