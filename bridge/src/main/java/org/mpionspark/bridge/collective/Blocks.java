package org.mpionspark.bridge.collective;

/** Per-rank counts and displacements (in elements) of a v-collective, and their checks. */
public record Blocks(int[] counts, int[] displs) {

    /** Equal blocks of {@code count} elements, rank {@code i} at {@code offset + i * count}. */
    public static Blocks equal(int ranks, int count, int offset) {
        int[] c = new int[ranks];
        int[] d = new int[ranks];
        for (int i = 0; i < ranks; i++) {
            c[i] = count;
            d[i] = offset + i * count;
        }
        return new Blocks(c, d);
    }

    /** The caller's layout; null displacements mean packed blocks in rank order (mpi4py's {@code (counts, None)}). */
    public static Blocks of(int[] counts, int[] displs) {
        return counts != null && displs == null ? packed(counts) : new Blocks(counts, displs);
    }

    /** Contiguous blocks of the given counts, from offset 0. */
    public static Blocks packed(int[] counts) {
        int[] d = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            d[i] = d[i - 1] + counts[i - 1];
        }
        return new Blocks(counts.clone(), d);
    }

    /** Whether the blocks lie end to end in rank order (from any offset): a run of ranks' blocks is then one range. */
    public boolean contiguous() {
        for (int i = 1; i < counts.length; i++) {
            if (displs[i] != displs[i - 1] + counts[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Total elements. */
    public int total() {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    /** Checks sizes against the communicator and the buffer, naming {@code what} in the error. */
    public void check(String what, int ranks, int bufferLength) {
        if (counts == null) {
            throw new IllegalArgumentException(what + ": counts must not be null");
        }
        if (counts.length != ranks || displs.length != ranks) {
            throw new IllegalArgumentException(what + ": need " + ranks + " counts and displacements (one per rank), got "
                    + counts.length + " and " + displs.length);
        }
        for (int i = 0; i < ranks; i++) {
            if (counts[i] < 0 || displs[i] < 0 || displs[i] > bufferLength - counts[i]) {
                throw new IllegalArgumentException(what + ": block of rank " + i + " (displacement " + displs[i]
                        + ", count " + counts[i] + ") falls outside the buffer of " + bufferLength + " elements");
            }
        }
    }
}
