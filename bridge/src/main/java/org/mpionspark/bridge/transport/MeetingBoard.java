package org.mpionspark.bridge.transport;

/**
 * Where the ranks of one world that live in this JVM meet for their collective calls, to read
 * each other's arrays in place: one {@link Meeting} per step of a call. Implemented by the memory
 * path ({@code bridge.memory}); collectives of ranks that share no JVM never see one.
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

    /**
     * The meeting member {@code localIndex} of the communicator ({@code context}, {@code firstRank})
     * has joined and not left, or null: lets a rank that waits for a message from that member tell
     * that the member meets for another call instead (a mismatch, not a deadlock).
     */
    Joined joined(int context, int firstRank, int localIndex);

    /** A member's meeting: its {@code step} (as given to {@link #meet}), and the signature and operation it joined with. */
    record Joined(long step, int signature, String operation) {
    }
}
