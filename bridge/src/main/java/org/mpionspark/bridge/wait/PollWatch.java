package org.mpionspark.bridge.wait;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sees a rank whose own code does nothing but poll requests that do not complete ({@code test},
 * {@code testAny}, {@code testSome}, {@code testAll}, {@code iprobe} in a loop) and tells the
 * driver, whose watchdog then counts the rank as waiting, as if it were blocked in {@code waitFor}.
 *
 * <p>The rule, simple so that a rank doing work between polls is never called stuck: the rank
 * polls in vain while (1) no poll finds anything new (no request completes, {@code testAll} sees
 * no more completed, {@code iprobe} finds no message), (2) it makes no other MPI call, and (3) its
 * thread computes little between polls: in each 100 ms, under 10 ms of CPU time beyond the first
 * 50 µs of each gap (sleeping, yielding or an empty loop is not computing; the allowance absorbs
 * the machine's noise), and no gap is longer than 250 ms. Anything else ends it. After 200 ms of
 * it the rank reports the calls it polls, renewed every 100 ms; the driver drops a report not
 * renewed within a second, so a rank that went back to work counts as running. Work on other
 * threads while the rank's own thread sleeps between polls is not seen.
 */
final class PollWatch {

    /** CPU time of each gap between polls that is not counted as work. */
    static final long GAP_ALLOWANCE_NANOS = 50_000;
    /** The span over which work between polls is added up. */
    static final long WINDOW_NANOS = 100_000_000L;
    /** Work in one window beyond which the rank is computing: a tenth. */
    static final long WORK_PER_WINDOW_NANOS = WINDOW_NANOS / 10;
    /** Polls further apart than this are not a polling loop. */
    static final long MAX_GAP_NANOS = 250_000_000L;
    /** How often a report of polling in vain is renewed while it lasts. */
    static final long RENEW_NANOS = 100_000_000L;
    /** Calls named in a report; more are counted. */
    private static final int NAMED = 4;
    /** Calls remembered in one stretch of polling. */
    private static final int REMEMBERED = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final BlockReport report;
    /** Each call polled in vain since {@link #since}, with what it found (e.g. testAll's count completed). */
    private final Map<String, Long> polled = new LinkedHashMap<>();
    private int forgotten;
    private long since;
    private long windowStart;
    private long work;
    private long lastPollNanos;
    private long lastPollCpu;

    PollWatch(BlockReport report) {
        this.report = report;
    }

    /** CPU time of this thread, or -1 where the JVM cannot tell (then no polling is ever reported). */
    static long cpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Before a poll: a gap too long, or work between polls, ends the stretch of polling in vain. */
    synchronized void before(long nowNanos, long cpuNanos) {
        if (polled.isEmpty()) {
            return;
        }
        if (cpuNanos < 0 || lastPollCpu < 0 || nowNanos - lastPollNanos > MAX_GAP_NANOS) {
            end();
            return;
        }
        work += Math.max(0, cpuNanos - lastPollCpu - GAP_ALLOWANCE_NANOS);
        if (work > WORK_PER_WINDOW_NANOS) {
            end();
        } else if (nowNanos - windowStart >= WINDOW_NANOS) {
            windowStart = nowNanos;
            work = 0;
        }
    }

    /**
     * After a poll of {@code call}: {@code found} -1 if it found something (a request completed),
     * else what it saw (0, or how many requests have completed), which must not change while polling in vain.
     */
    synchronized void after(String call, long found, long nowNanos) {
        Long before = polled.get(call);
        if (found < 0 || (before != null && before != found)) {
            end();
            if (found < 0) {
                return;
            }
        }
        if (polled.isEmpty()) {
            since = nowNanos;
            windowStart = nowNanos;
            work = 0;
        }
        if (polled.size() < REMEMBERED || polled.containsKey(call)) {
            polled.put(call, found);
        } else {
            forgotten++;
        }
        lastPollNanos = nowNanos;
        if (nowNanos - since >= BlockReport.REPORT_AFTER_NANOS) {
            report.polling(describe(), nowNanos, RENEW_NANOS);
        }
    }

    /** At the very end of a poll, its own bookkeeping done: where the CPU time of the next gap starts. */
    synchronized void ended(long cpuNanos) {
        lastPollCpu = cpuNanos;
    }

    /** The rank made another MPI call: it is not polling in vain. */
    synchronized void otherCall() {
        if (!polled.isEmpty()) {
            end();
        }
    }

    private void end() {
        polled.clear();
        forgotten = 0;
        report.pollingEnded();
    }

    /** E.g. "testAny(recv(int[1], source=1, tag=0), recv(int[1], source=2, tag=0))", or several such. */
    private String describe() {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String call : polled.keySet()) {
            if (n == NAMED) {
                break;
            }
            out.append(n++ == 0 ? "" : ", ").append(call);
        }
        if (forgotten > 0) {
            out.append(" and more");
        } else if (polled.size() > n) {
            out.append(" and ").append(polled.size() - n).append(" more");
        }
        return out.toString();
    }
}
