package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A flood of refusals costs one line in full, then at most one summary line a minute. */
class RefusalLogTest {

    private long now = 1_000;
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log = new RefusalLog("rendezvous", lines::add, () -> now);

    @Test
    void theFirstRefusalIsLoggedInFullTheRestSummedUpOnceAMinute() {
        for (int i = 0; i < 500; i++) {
            log.refused("/10.0.0." + (i % 250) + ":4000" + i % 10, "not an mpi-on-spark rank (bad magic)");
            now += TimeUnit.MILLISECONDS.toNanos(100); // 50 s in all
        }
        assertEquals(List.of("rendezvous: refused /10.0.0.0:40000: not an mpi-on-spark rank (bad magic) "
                + "(more refusals within a minute are summed up in one line)"), lines);
        assertEquals(now - 50_000_000_000L + RefusalLog.WINDOW_NANOS, log.nextDueNanos());

        now += TimeUnit.SECONDS.toNanos(10);
        log.flushIfDue();
        assertEquals("rendezvous: refused 499 connections in the last minute, last from /10.0.0.249:40009: "
                + "not an mpi-on-spark rank (bad magic)", lines.get(1));
        log.flushIfDue();
        assertEquals(2, lines.size(), "nothing new, nothing written");
        assertEquals(Long.MAX_VALUE, log.nextDueNanos());
        assertEquals(500, log.refused());
        assertEquals(2, log.lines());
    }

    @Test
    void aRefusalAfterAQuietMinuteIsLoggedInFullAgain() {
        log.refused("/a:1", "first");
        log.refused("/b:2", "second");
        now += RefusalLog.WINDOW_NANOS;
        log.refused("/c:3", "third"); // its minute is over: the summary goes out with it
        assertEquals("rendezvous: refused 2 connections in the last minute, last from /c:3: third", lines.get(1));
        now += RefusalLog.WINDOW_NANOS;
        log.refused("/d:4", "fourth");
        assertEquals(3, lines.size());
        assertEquals("rendezvous: refused /d:4: fourth (more refusals within a minute are summed up in one line)",
                lines.get(2));
    }

    @Test
    void aPortThatClosesWritesTheSummaryItOwesAtOnce() {
        log.refused("/a:1", "first");
        log.flush();
        assertEquals(1, lines.size(), "nothing owed, nothing written");
        log.refused("/b:2", "second");
        log.refused("/c:3", "third");
        now += TimeUnit.SECONDS.toNanos(15);
        log.flush();
        assertEquals("rendezvous: refused 2 connections in the last 15 s, last from /c:3: third", lines.get(1));
        assertEquals(Long.MAX_VALUE, log.nextDueNanos());
    }
}
