package org.mpionspark.benchmarks;

import java.util.List;

/**
 * Times taken inside the ranks, one array per timed thing; a repetition lasts as long as its
 * slowest rank, so the world's time is the element-wise maximum over the ranks.
 * {@code missing} says why a thing could not be timed on this path (null if all were);
 * {@code transport} names the transport class timed below our API, where one was.
 */
record RankTimes(double[][] ms, String missing, String transport) {

    /** Warm-up calls enough for C2 to compile a call's path, at small sizes. */
    private static final int JIT_CALLS = 300;
    /** Warm-up calls stop adding up past this many bytes per rank in all. */
    private static final long JIT_BYTES = 16L << 20;

    /** The world's times of thing {@code which}: per repetition, the slowest rank's. */
    static double[] slowest(List<RankTimes> perRank, int which) {
        double[] out = perRank.get(0).ms()[which].clone();
        for (RankTimes t : perRank) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], t.ms()[which][i]);
            }
        }
        return out;
    }

    /** Repetitions for {@code bytes} per rank: fewer as sizes grow. */
    static int reps(long bytes, int base) {
        return bytes >= 32L << 20 ? Math.max(3, base / 3) : bytes >= 4L << 20 ? Math.max(4, base / 2) : base;
    }

    /** Untimed rounds before {@code reps} timed ones: a third, at least 2. */
    static int warmup(int reps) {
        return Math.max(2, reps / 3);
    }

    /**
     * The same for a JVM's ranks calling with {@code bytes} each: also enough calls for the JIT to
     * compile the path (up to {@value #JIT_CALLS}, fewer as sizes grow), or the first stage's small
     * sizes time interpreted code that every later stage no longer runs (8 B allreduce 1.03 ms in
     * the first stage, 0.53-0.63 ms in the next two, on the namespace cluster).
     */
    static int warmupInJvm(int reps, long bytes) {
        return Math.max(warmup(reps), (int) Math.min(JIT_CALLS, JIT_BYTES / Math.max(1, bytes)));
    }
}
