package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Who reads an endpoint's lanes now: one thread at a time, on one selector over them all. A rank's
 * thread that waits reads them itself ({@link #readWhileWaiting}), so the message it waits for wakes
 * it, not a reader that then wakes it: one thread wake-up per message, as on a bare socket; a rank
 * that polls reads what is there ({@link #readNow}). When a write finds no room (its peer may wait
 * for this JVM to read first), a rank that has its message stops in the middle of another, or no
 * rank has read for a while (they compute: at most {@link #MAX_NAP_NANOS}), the endpoint's own reader reads them,
 * so that what arrives is always drained; a rank that waits takes the turn back from it.
 */
final class LaneReading {

    /** How long the lanes may go unread while no rank waits (the ranks compute) before the background reader reads them. */
    static final long IDLE_NANOS = 1_000_000;
    /**
     * The longest the background reader sleeps while ranks read: it looks less often the longer
     * they keep reading (each look wakes a core the ranks may need); what arrives while they all
     * compute waits this long at most, unless a rank polls ({@link #readNow}) or a write finds no room.
     */
    static final long MAX_NAP_NANOS = 50_000_000;

    private final Selector selector;
    private final Consumer<SelectionKey> readable;
    private final BooleanSupplier midMessage;
    private final ReentrantLock turn = new ReentrantLock();
    /** Ranks' threads waiting for the background reader to give the turn up. */
    private final AtomicInteger wanted = new AtomicInteger();
    /** Ranks' threads that found another rank's thread reading: woken when it stops. */
    private final Queue<Thread> hopefuls = new ConcurrentLinkedQueue<>();
    private final Thread background;
    private volatile Thread reading;
    private volatile long freedAt;
    private volatile boolean urgent;
    private volatile boolean closed;

    /**
     * Over {@code selector}, where every lane is registered for reading; {@code readable} reads a
     * lane the selector found readable; {@code midMessage}: whether some lane is in the middle of a
     * message. The background reader is made by {@code threads}, not started.
     */
    LaneReading(Selector selector, Consumer<SelectionKey> readable, BooleanSupplier midMessage, ThreadFactory threads,
                String name) {
        this.selector = selector;
        this.readable = readable;
        this.midMessage = midMessage;
        this.background = threads.newThread(this::background);
        background.setName(name);
    }

    void start() {
        background.start();
    }

    /**
     * Reads the lanes on this thread until {@code woken} or for about {@code nanos}, if it can have
     * the turn: true if it did. False at once if another rank's thread reads now (it is woken when
     * that one stops), or if the background reader did not give the turn up within {@code nanos}.
     */
    boolean readWhileWaiting(BooleanSupplier woken, long nanos) {
        Thread me = Thread.currentThread();
        if (closed || reading == me) {
            return false;
        }
        if (!turn.tryLock()) {
            Thread other = reading;
            if (other != null && other != background) {
                hopefuls.add(me);
                if (turn.isLocked() || !turn.tryLock()) {
                    return false; // the thread reading now wakes this one when it stops
                }
            } else {
                wanted.incrementAndGet();
                try {
                    selector.wakeup();
                    if (!turn.tryLock(nanos, TimeUnit.NANOSECONDS)) {
                        return false;
                    }
                } catch (InterruptedException e) {
                    me.interrupt();
                    return false;
                } finally {
                    wanted.decrementAndGet();
                }
            }
        }
        reading = me;
        boolean more = false;
        try {
            serve(woken, System.nanoTime() + nanos);
            // woken in the middle of another message: the reader reads on while this thread works.
            // Out of time, it is back at once (its wait goes on), so the turn stays with the ranks
            more = woken.getAsBoolean() && midMessage.getAsBoolean();
            return true;
        } finally {
            release(more);
        }
    }

    /**
     * Reads what has arrived, without waiting, if no other thread reads now: a rank that polls
     * ({@code test}, {@code iprobe}) sees what came while it computed.
     */
    void readNow() {
        if (closed || reading != null || !turn.tryLock()) {
            return;
        }
        reading = Thread.currentThread();
        boolean more = false;
        try {
            selector.selectNow(readable);
            more = midMessage.getAsBoolean();
        } catch (IOException | ClosedSelectorException e) {
            // the lanes are closing: the waits that follow say so
        } finally {
            release(more);
        }
    }

    /** A rank's thread gives the turn up; {@code more}: a message is still arriving, which the background reader reads on. */
    private void release(boolean more) {
        reading = null;
        freedAt = System.nanoTime();
        turn.unlock();
        for (Thread t; (t = hopefuls.poll()) != null; ) {
            LockSupport.unpark(t);
        }
        if (more) { // read on while this thread works on what it has
            writerWaits();
        }
    }

    /** Wakes the thread reading now, if it is not this one: what it waits for may have come another way. */
    void wakeup() {
        Thread r = reading;
        if (r != null && r != Thread.currentThread()) {
            selector.wakeup();
        }
    }

    /** A write found no room, or more is on its way: the lanes are read now, whoever waits (the peer may wait for this JVM to read). */
    void writerWaits() {
        urgent = true;
        if (reading == null) {
            LockSupport.unpark(background);
        }
    }

    /** Stops reading: the thread reading now returns, and the background reader ends. */
    void close() {
        closed = true;
        selector.wakeup();
        LockSupport.unpark(background);
    }

    /** The background reader: reads the lanes whenever no rank's thread has for a while, until a rank's thread wants to. */
    private void background() {
        long nap = IDLE_NANOS;
        while (!closed) {
            long idle = System.nanoTime() - freedAt;
            if (wanted.get() == 0 && (urgent || idle >= IDLE_NANOS) && turn.tryLock()) {
                reading = background;
                urgent = false;
                try {
                    serve(() -> wanted.get() > 0 || closed, Long.MAX_VALUE);
                } finally {
                    reading = null;
                    turn.unlock();
                }
                nap = IDLE_NANOS;
                continue;
            }
            LockSupport.parkNanos(this, nap); // a write that finds no room, or the close, wakes it sooner
            nap = Math.min(MAX_NAP_NANOS, nap * 2);
        }
    }

    /** Reads what arrives until {@code enough}, the lanes close, or {@code deadline} ({@link System#nanoTime}) passes. */
    private void serve(BooleanSupplier enough, long deadline) {
        while (!closed && !enough.getAsBoolean()) {
            long timeoutMillis = 0; // for ever: until a wakeup
            if (deadline != Long.MAX_VALUE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                timeoutMillis = Math.max(1, (left + 999_999) / 1_000_000);
            }
            try {
                selector.select(readable, timeoutMillis);
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException e) {
                System.getLogger(LaneReading.class.getName()).log(System.Logger.Level.WARNING,
                        "reading the lanes failed: " + e);
                return;
            }
        }
    }
}
