package org.mpionspark.bridge;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what MPJ Express prints during {@code MPI_Init} out of the user's stderr: it always prints
 * a stack trace for its missing {@code $MPJ_HOME/conf/mpjexpress.conf}, once per rank. Output of
 * a capturing thread goes to its own buffer (attached to the error if the start-up fails);
 * every other thread's output goes through untouched.
 */
final class InitOutput {

    private static final ThreadLocal<ByteArrayOutputStream> CAPTURE = new ThreadLocal<>();

    private InitOutput() {
    }

    /** Routes this thread's stderr to a buffer until {@link #stop()}. */
    static void capture() {
        install();
        CAPTURE.set(new ByteArrayOutputStream());
    }

    /** Ends this thread's capture and returns what it printed, less MPJ's expected conf-file trace. */
    static String stop() {
        ByteArrayOutputStream buf = CAPTURE.get();
        CAPTURE.remove();
        if (buf == null) {
            return "";
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : text.split("\n")) {
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

    private static synchronized void install() {
        if (!(System.err instanceof Router)) {
            System.setErr(new Router(System.err));
        }
    }

    private static final class Router extends PrintStream {
        Router(PrintStream original) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    ByteArrayOutputStream buf = CAPTURE.get();
                    if (buf != null) {
                        buf.write(b);
                    } else {
                        original.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    ByteArrayOutputStream buf = CAPTURE.get();
                    if (buf != null) {
                        buf.write(b, off, len);
                    } else {
                        original.write(b, off, len);
                    }
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true);
        }
    }
}
