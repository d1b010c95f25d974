package org.mpionspark.bridge.rank;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Per-thread capture of {@code System.out} and {@code System.err}: what a capturing thread, and
 * the threads it starts while capturing, print goes to that capture's bounded buffers; every other
 * thread prints as before. The ranks of local mode share one JVM's streams, so only the thread
 * tells whose output a line is.
 */
public final class ThreadOutput {

    private static final InheritableThreadLocal<Capture> CURRENT = new InheritableThreadLocal<>();
    /** The charset of the JVM's own {@code System.out}, so bytes that pass through are unchanged. */
    private static final Charset CHARSET = Charset.defaultCharset();

    private ThreadOutput() {
    }

    /**
     * Starts capturing this thread's stdout ({@code out}) and/or stderr ({@code err}), keeping at
     * most {@code limitBytes} of each; close the capture to stop.
     */
    public static Capture start(boolean out, boolean err, int limitBytes) {
        install();
        Capture c = new Capture(out, err, limitBytes, CURRENT.get());
        CURRENT.set(c);
        return c;
    }

    private static synchronized void install() {
        if (!(System.out instanceof Router)) {
            System.setOut(new Router(System.out, false));
        }
        if (!(System.err instanceof Router)) {
            System.setErr(new Router(System.err, true));
        }
    }

    /** One thread's capture; what it holds can be read at any time. */
    public static final class Capture implements AutoCloseable {
        private final boolean out;
        private final boolean err;
        private final int limit;
        private final Capture previous;
        private final Buffer stdout = new Buffer();
        private final Buffer stderr = new Buffer();
        private volatile boolean closed;

        private Capture(boolean out, boolean err, int limit, Capture previous) {
            this.out = out;
            this.err = err;
            this.limit = limit;
            this.previous = previous;
        }

        /** What was printed to stdout, with a note if some was dropped past the limit. */
        public String stdout() {
            return stdout.text();
        }

        /** What was printed to stderr, with a note if some was dropped past the limit. */
        public String stderr() {
            return stderr.text();
        }

        private boolean takes(boolean isErr) {
            return !closed && (isErr ? err : out);
        }

        /** Stops capturing; this thread prints where it did before. */
        @Override
        public void close() {
            closed = true;
            if (CURRENT.get() == this) {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        }

        private final class Buffer {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private long dropped;

            synchronized void write(byte[] b, int off, int len) {
                int room = Math.max(0, limit - bytes.size());
                bytes.write(b, off, Math.min(room, len));
                dropped += Math.max(0, len - room);
            }

            synchronized String text() {
                String s = bytes.toString(CHARSET);
                return dropped == 0 ? s : s + "\n[... " + dropped + " more bytes not kept]\n";
            }
        }
    }

    private static final class Router extends PrintStream {
        Router(PrintStream original, boolean isErr) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    Capture c = CURRENT.get();
                    while (c != null && c.closed) { // a child thread outliving its parent's capture
                        c = c.previous;
                    }
                    if (c != null && c.takes(isErr)) {
                        (isErr ? c.stderr : c.stdout).write(b, off, len);
                    } else {
                        original.write(b, off, len);
                    }
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, CHARSET);
        }
    }
}
