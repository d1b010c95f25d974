package org.mpionspark.bridge.transport;

/**
 * The seam of the shared-memory collectives: the ranks of one world that live in this JVM, and
 * where their collective calls meet to read each other's arrays in place. Implemented by the
 * memory path ({@code bridge.memory}); collectives of ranks that share no JVM never see one.
 */
public interface MeetingBoard {

    /** Whether world rank {@code worldRank} lives in this JVM (this rank included). */
    boolean local(int worldRank);

    /** The JVM key of world rank {@code worldRank}, from the peer table: ranks with equal keys share a JVM. */
    String jvm(int worldRank);

    /**
     * Joins the meeting {@code step} of the communicator whose context is {@code context} and whose
     * rank 0 is world rank {@code firstRank} (disjoint groups made by one split share a context),
     * its collective calls' steps being numbered alike on every rank. Made by the
     * first of its {@code members} local ranks to arrive: it holds their arrays and the phases
     * they reach. {@code signature} and {@code operation} describe this rank's call, so a peer
     * calling something else is caught at once ({@link Meeting#mismatch}).
     */
    Meeting meet(int context, int firstRank, long step, int members, int localIndex, int signature, String operation);

    /** One collective call's meeting point among the ranks of this JVM. */
    interface Meeting {
        /** The local index of a member that joined with another call than {@code signature}, or -1. */
        int mismatch(int signature);

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

        /** This member is done with the meeting; the last one out removes it. */
        void leave();
    }
}
