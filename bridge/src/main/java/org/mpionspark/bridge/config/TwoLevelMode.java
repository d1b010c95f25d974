package org.mpionspark.bridge.config;

import java.util.Locale;

/**
 * {@code spark.mpi.collectives.twoLevel}: whether a collective whose ranks span JVMs, some sharing
 * one, goes in two levels (in memory within each JVM, one leader per JVM between them). Every rank
 * of a world must choose alike, so it travels in the world's ticket.
 */
public enum TwoLevelMode {
    /** Topology and size decide (the default). */
    AUTO,
    /** Two levels wherever JVMs are shared and the result stays exact, whatever the size (benchmarks). */
    ALWAYS,
    /** Never: every rank sends its own messages, as if each were alone in its JVM (benchmarks). */
    NEVER;

    /** The setting's name, which errors about its value name. */
    public static final String KEY = "spark.mpi.collectives.twoLevel";

    /** The mode {@code text} names ({@code auto}, {@code always}, {@code never}, any case), or an error naming the setting. */
    public static TwoLevelMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TwoLevelMode m : values()) {
            if (m.text().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException(KEY + " must be auto, always or never, not " + text);
    }

    /** The value as written in a configuration. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
