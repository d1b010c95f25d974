package org.mpionspark.spark.internal;

import java.io.PrintStream;

/**
 * Log lines a cell writes go with what it prints: Spark's log4j 2 console appender writes to the
 * stream it captured when logging started, past {@code System.err}'s per-thread capture, so a
 * second appender on the root logger copies each event logged by a thread running a cell (or one it
 * started) to that thread's {@code System.err}. Where logging is not log4j 2, log lines stay in the log only.
 */
final class CellLog {

    /** Where a cell's thread copies its log lines: its {@code System.err} when the cell started. */
    static final InheritableThreadLocal<PrintStream> TARGET = new InheritableThreadLocal<>();
    private static boolean installed;

    private CellLog() {
    }

    /** Copies this thread's log lines to {@code System.err} (the cell's capture) until closed. */
    static AutoCloseable capture() {
        install();
        TARGET.set(System.err);
        return TARGET::remove;
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            CellLogAppender.addToRootLogger();
        } catch (LinkageError | RuntimeException e) {
            // no log4j 2 core here: nothing to copy from
        }
    }
}
