package org.mpionspark.mpi;

/**
 * Ranks called different collectives, or the same one with other arguments (count, root, op), or
 * one skipped or added a collective: a mistake of the program, never retried. Where the ranks
 * meet in memory and most of them agree, {@link #culprit()} is the world rank that called
 * differently, which the stage's error then names first; between JVMs the driver names it instead,
 * from the calls the waiting ranks report (this exception's culprit then stays -1).
 */
public class MpiMismatchException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final int culprit;

    /** {@code culprit}: the world rank that called differently, or -1 where the ranks cannot tell. */
    public MpiMismatchException(int rank, String operation, int peer, String message, int culprit) {
        super(rank, operation, peer, message);
        this.culprit = culprit;
    }

    /** The world rank that called differently from the others, or -1 where that cannot be told (two ranks, say). */
    public int culprit() {
        return culprit;
    }
}
