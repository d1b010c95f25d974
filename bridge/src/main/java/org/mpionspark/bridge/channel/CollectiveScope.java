package org.mpionspark.bridge.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

import org.mpionspark.mpi.MpiException;

/**
 * The world ranks a rank's collectives may span: all of them, or, while an interactive cell runs
 * on some ranks only, those. A collective of a communicator with a rank outside could never
 * complete (that rank is not running the cell), so it fails at once instead of as a deadlock.
 */
public final class CollectiveScope {

    private volatile int[] allowed;
    private volatile String where;

    /** Limits collectives to {@code worldRanks}; {@code where} says why in errors, e.g. "this cell (px.on(0, 2))". */
    public void limit(int[] worldRanks, String where) {
        int[] sorted = worldRanks.clone();
        Arrays.sort(sorted);
        this.where = where;
        this.allowed = sorted;
    }

    /** Every rank may take part again. */
    public void lift() {
        allowed = null;
    }

    /** Throws if a rank of a communicator of {@code size} ranks ({@code world} maps them) is outside the scope. */
    void check(int rank, String operation, int size, IntUnaryOperator world) {
        int[] in = allowed;
        if (in == null) {
            return;
        }
        List<Integer> outside = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            if (Arrays.binarySearch(in, world.applyAsInt(r)) < 0) {
                outside.add(r);
            }
        }
        if (!outside.isEmpty()) {
            throw new MpiException(rank, operation, outside.get(0), "ranks " + outside + " of this communicator are "
                    + "outside " + where + ": they do not run it, so this collective could never complete; here use "
                    + "point-to-point between the cell's ranks, or collectives of a communicator made of them only");
        }
    }
}
