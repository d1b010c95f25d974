package org.mpionspark.benchmarks.report;

/**
 * One line of the report: what was timed ({@code method}) in which part ({@code section}), where
 * ({@code master}), on how many ranks and how many bytes per rank, as median, min and max of
 * {@code reps} repetitions in milliseconds. Sizes of zero mean "not a size sweep".
 */
public record Measurement(String section, String method, String master, int ranks, long bytes,
                          double medianMs, double minMs, double maxMs, int reps) {

    /** The median, min and max of {@code ms}. */
    public static Measurement of(String section, String method, String master, int ranks, long bytes, double[] ms) {
        double[] s = ms.clone();
        java.util.Arrays.sort(s);
        return new Measurement(section, method, master, ranks, bytes, median(ms), s[0], s[s.length - 1], s.length);
    }

    /** The median of {@code ms}: the middle value, or the mean of the two middle ones. */
    public static double median(double[] ms) {
        double[] s = ms.clone();
        java.util.Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** Algorithm bandwidth: bytes per rank over the median time, in GB/s (10^9 bytes). */
    public double algbwGBs() {
        return bytes / (medianMs * 1e6);
    }

    /** Bus bandwidth of an allreduce, as nccl-tests define it: algbw x 2(N-1)/N. */
    public double busbwGBs() {
        return algbwGBs() * 2.0 * (ranks - 1) / ranks;
    }
}
