package org.mpionspark.spark;

import java.util.List;

import org.mpionspark.mpi.MpiException;

/**
 * A cell of an {@link MpiSession} failed on some ranks (their errors, one line each, are in the
 * message), timed out, was cancelled, or broke the world; {@link #result()} has every rank's output.
 */
public class CellFailedException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final transient CellResult<?> result;

    CellFailedException(CellResult<?> result) {
        super("the cell failed on " + failedRanks(result) + ":" + result.failures(), firstFailed(result), "cell", -1,
                null);
        this.result = result;
    }

    /** Every targeted rank's value, output and error. */
    public CellResult<?> result() {
        return result;
    }

    private static int firstFailed(CellResult<?> r) {
        for (int i = 0; i < r.ranks().size(); i++) {
            if (r.errors().get(i) != null) {
                return r.ranks().get(i);
            }
        }
        return -1;
    }

    private static String failedRanks(CellResult<?> r) {
        List<Integer> failed = new java.util.ArrayList<>();
        for (int i = 0; i < r.ranks().size(); i++) {
            if (r.errors().get(i) != null) {
                failed.add(r.ranks().get(i));
            }
        }
        return failed.isEmpty() ? "no rank (the session failed)" : (failed.size() == 1 ? "rank " : "ranks ")
                + failed.toString().replaceAll("[\\[\\]]", "");
    }
}
