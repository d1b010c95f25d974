package org.mpionspark.bridge.channel;

import org.mpionspark.mpi.MpiMismatchException;

/**
 * The words for a mismatched collective, the same whether the ranks met in memory (where the
 * peer's operation is known) or sent messages (where only its call number and signature are).
 */
final class Mismatch {

    private Mismatch() {
    }

    /**
     * Rank {@code other} is at its call #{@code theirSeq} ({@code theirOperation}, or null where
     * unknown; {@code theirsEnd}: its end-of-rank barrier) where this rank is at call #{@code seq},
     * {@code operation} ({@code described} with what its arguments hold, as the peer's is).
     */
    static MpiMismatchException of(int rank, String operation, String described, int seq, int other, boolean theirsEnd,
                                   String theirOperation, int theirSeq) {
        return of(rank, operation, described, seq, other, theirsEnd, theirOperation, theirSeq, -1);
    }

    /** As above, where the ranks meeting in memory tell the {@code culprit} (a world rank; -1: they cannot). */
    static MpiMismatchException of(int rank, String operation, String described, int seq, int other,
                                   boolean theirsEnd, String theirOperation, int theirSeq, int culprit) {
        String what;
        if (theirsEnd) {
            what = "has returned from its function and waits at the end of the stage (" + (theirSeq == seq
                    ? "this is its call #" + seq : "its call #" + theirSeq + ", this one is #" + seq)
                    + "): a rank skipped a collective or returned early";
        } else if (operation.equals(CollectiveTags.END)) {
            what = "is still in a collective (" + (theirOperation != null ? theirOperation : "its call #" + theirSeq)
                    + ") that this rank never called: this rank returned from its function early, or skipped a "
                    + "collective";
        } else if (theirSeq != seq) {
            what = "is at another collective call (its call #" + theirSeq + ", this one is #" + seq
                    + "): a rank skipped or added a collective";
        } else {
            what = "called a different collective, or the same one with other arguments (count, root or op)"
                    + (theirOperation == null ? "" : ": it called " + theirOperation + " where this rank calls "
                    + described + " (call #" + seq + ")");
        }
        return new MpiMismatchException(rank, operation, other, "mismatched collective: rank " + other + " " + what,
                culprit);
    }

    /** Rank {@code other} sent a message for its call #{@code theirSeq} that this rank, now ending, never received. */
    static MpiMismatchException leftover(int rank, int other, int theirSeq) {
        return new MpiMismatchException(rank, CollectiveTags.END, other, "mismatched collective: rank " + other
                + " sent a message for its collective call #" + theirSeq + " that this rank never received: the ranks "
                + "disagreed on the root of a collective, or on which collective they called", -1);
    }
}
