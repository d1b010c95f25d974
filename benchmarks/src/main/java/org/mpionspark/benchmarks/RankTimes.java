package org.mpionspark.benchmarks;

import java.util.List;

/**
 * Times taken inside the ranks, one array per timed thing; a repetition lasts as long as its
 * slowest rank, so the world's time is the element-wise maximum over the ranks.
 * {@code missing} says why a thing could not be timed on this path (null if all were);
 * {@code transport} names the transport class timed below our API, where one was.
 */
record RankTimes(double[][] ms, String missing, String transport) {

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

    /** Repetitions and untimed warm-up rounds for {@code bytes} per rank: fewer as sizes grow. */
    static int reps(long bytes, int base) {
        return bytes >= 32L << 20 ? Math.max(3, base / 3) : bytes >= 4L << 20 ? Math.max(4, base / 2) : base;
    }

    static int warmup(int reps) {
        return Math.max(2, reps / 3);
    }
}
