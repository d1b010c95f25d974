package org.mpionspark.benchmarks.report;

/** Sizes and times as people read them: 8 B, 8 KB, 64 MB (powers of 2); 12.3 ms, 45 µs. */
public final class Units {

    private Units() {
    }

    public static String bytes(long b) {
        if (b >= 1 << 30 && b % (1 << 30) == 0) {
            return b / (1 << 30) + " GB";
        }
        if (b >= 1 << 20 && b % (1 << 20) == 0) {
            return b / (1 << 20) + " MB";
        }
        if (b >= 1 << 10 && b % (1 << 10) == 0) {
            return b / (1 << 10) + " KB";
        }
        return b + " B";
    }

    /** Parses {@code 8}, {@code 8k}, {@code 1m}, {@code 64M}, {@code 1g} (powers of 2). */
    public static long parseBytes(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("b", "");
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1 << 10;
        } else if (t.endsWith("m")) {
            mult = 1 << 20;
        } else if (t.endsWith("g")) {
            mult = 1 << 30;
        }
        if (mult > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * mult;
    }

    public static String millis(double ms) {
        if (ms < 0.1) {
            return String.format(java.util.Locale.ROOT, "%.1f µs", ms * 1e3);
        }
        if (ms < 10) {
            return String.format(java.util.Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1e3);
    }

    public static String gbs(double gbs) {
        if (gbs >= 0.1) {
            return String.format(java.util.Locale.ROOT, "%.2f GB/s", gbs);
        }
        return gbs >= 1e-4 ? String.format(java.util.Locale.ROOT, "%.1f MB/s", gbs * 1e3)
                : String.format(java.util.Locale.ROOT, "%.1f KB/s", gbs * 1e6);
    }

    public static String ratio(double r) {
        return String.format(java.util.Locale.ROOT, r >= 10 ? "%.0fx" : "%.1fx", r);
    }
}
