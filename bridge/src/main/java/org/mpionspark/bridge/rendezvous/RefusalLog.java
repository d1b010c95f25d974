package org.mpionspark.bridge.rendezvous;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs refused connections without letting a port scan flood the driver's log: the first refusal
 * after a quiet minute is logged in full, the rest are summed up in at most one line a minute.
 * One per listening port, named in each line.
 */
public final class RefusalLog {

    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String port;
    private final Consumer<String> sink;
    private final LongSupplier clock;
    private boolean started;
    private long windowStart;
    private int suppressed;
    private String last;
    private long refused;
    private long lines;

    /** As below, on {@link System#nanoTime()}. */
    public RefusalLog(String port, Consumer<String> sink) {
        this(port, sink, System::nanoTime);
    }

    /**
     * Writes its lines, each starting with {@code port} (what listens: "rendezvous"), to
     * {@code sink}; {@code clock} gives {@link System#nanoTime()} or a test's time.
     */
    public RefusalLog(String port, Consumer<String> sink, LongSupplier clock) {
        this.port = port;
        this.sink = sink;
        this.clock = clock;
    }

    /** What listens, as the lines name it. */
    public String port() {
        return port;
    }

    /** A connection from {@code from} was refused for {@code reason}. */
    public synchronized void refused(String from, String reason) {
        refused++;
        long now = clock.getAsLong();
        if (!started || (suppressed == 0 && now - windowStart >= WINDOW_NANOS)) {
            started = true;
            windowStart = now;
            write(port + ": refused " + from + ": " + reason
                    + " (more refusals within a minute are summed up in one line)");
            return;
        }
        suppressed++;
        last = from + ": " + reason;
        flushIfDue();
    }

    /** Writes the summary line if its minute is over; called by the server's selector thread too. */
    synchronized void flushIfDue() {
        long now = clock.getAsLong();
        if (suppressed > 0 && now - windowStart >= WINDOW_NANOS) {
            write(port + ": refused " + suppressed + " connection" + (suppressed == 1 ? "" : "s")
                    + " in the last minute, last from " + last);
            suppressed = 0;
            windowStart = now;
        }
    }

    /** Writes the summary line now if one is owed: the port closes, so no later refusal would. */
    synchronized void flush() {
        if (suppressed > 0) {
            write(port + ": refused " + suppressed + " connection" + (suppressed == 1 ? "" : "s")
                    + String.format(java.util.Locale.ROOT, " in the last %.0f s, last from ",
                            (clock.getAsLong() - windowStart) / 1e9) + last);
            suppressed = 0;
            windowStart = clock.getAsLong();
        }
    }

    /** When {@link #flushIfDue} next has something to write, in {@code clock} time; MAX_VALUE if never. */
    synchronized long nextDueNanos() {
        return suppressed > 0 ? windowStart + WINDOW_NANOS : Long.MAX_VALUE;
    }

    /** Connections refused so far. */
    public synchronized long refused() {
        return refused;
    }

    /** Lines written so far. */
    public synchronized long lines() {
        return lines;
    }

    private void write(String line) {
        lines++;
        sink.accept(line);
    }
}
