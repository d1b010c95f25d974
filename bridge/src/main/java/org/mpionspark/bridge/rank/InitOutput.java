package org.mpionspark.bridge.rank;

/**
 * Keeps what MPJ Express prints during {@code MPI_Init} out of the user's stderr: it always prints
 * a stack trace for its missing {@code $MPJ_HOME/conf/mpjexpress.conf}, once per rank. The init
 * thread's stderr is captured ({@link ThreadOutput}) and attached to the error if start-up fails.
 */
final class InitOutput {

    private static final ThreadLocal<ThreadOutput.Capture> CAPTURE = new ThreadLocal<>();

    private InitOutput() {
    }

    /** Routes this thread's stderr to a buffer until {@link #stop()}. */
    static void capture() {
        CAPTURE.set(ThreadOutput.start(false, true, 1 << 20));
    }

    /** Ends this thread's capture and returns what it printed, less MPJ's expected conf-file trace. */
    static String stop() {
        ThreadOutput.Capture c = CAPTURE.get();
        CAPTURE.remove();
        if (c == null) {
            return "";
        }
        c.close();
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : c.stderr().split("\n")) {
            if (line.contains("mpjexpress.conf")) {
                skipping = true;
                continue;
            }
            if (skipping && line.startsWith("\tat ")) {
                continue;
            }
            skipping = false;
            if (!line.isBlank()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
