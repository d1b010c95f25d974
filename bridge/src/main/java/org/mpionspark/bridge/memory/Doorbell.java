package org.mpionspark.bridge.memory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.mpionspark.bridge.transport.Endpoint;

/**
 * Wakes a rank's waiting threads when something happens for it (a message arrived, a send or a
 * receive completed): waits park rather than spin, so ranks sharing few cores leave them to the
 * ranks that work. A rank with a core of its own spins briefly first, for latency.
 */
final class Doorbell {

    private final AtomicLong rings = new AtomicLong();
    private final Set<Thread> sleepers = ConcurrentHashMap.newKeySet();
    private volatile long spinNanos;
    /** Where the threads that wait on this bell read the lanes meanwhile (null: nowhere), and how many do now. */
    private volatile Endpoint readVia;
    private final AtomicInteger reading = new AtomicInteger();

    /** {@code spinNanos}: how long a wait spins before it parks (0 when ranks share cores). */
    Doorbell(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    /** Sets how long a wait spins before it parks: known once the peer table tells who shares cores. */
    void spin(long nanos) {
        this.spinNanos = nanos;
    }

    /** A count that grows with every ring: read it before checking, then {@link #await} with it. */
    long rings() {
        return rings.get();
    }

    void ring() {
        rings.incrementAndGet();
        if (!sleepers.isEmpty()) {
            for (Thread t : sleepers) {
                LockSupport.unpark(t);
            }
        }
        if (reading.get() > 0) {
            readVia.wakeReader();
        }
    }

    /** Sets the endpoint whose lanes this bell's waits read while they wait ({@link #awaitReading}). */
    void readVia(Endpoint endpoint) {
        this.readVia = endpoint;
    }

    /**
     * As {@link #await}, but the thread spends the wait reading what arrives from other JVMs
     * through the bell's endpoint ({@link Endpoint#readWhileWaiting}), and a ring wakes it there:
     * true if it did, or if the bell had rung already; false, at once, if it could not (or there
     * is no endpoint).
     */
    boolean awaitReading(long seen, long nanos) {
        Endpoint endpoint = readVia;
        if (rings.get() != seen) {
            return true;
        }
        if (endpoint == null) {
            return false;
        }
        reading.incrementAndGet();
        try {
            return rings.get() != seen || endpoint.readWhileWaiting(() -> rings.get() != seen, nanos);
        } finally {
            reading.decrementAndGet();
        }
    }

    /** Returns once the bell has rung since {@code seen} was read, or after about {@code nanos}. */
    void await(long seen, long nanos) {
        if (rings.get() != seen) {
            return;
        }
        long spin = spinNanos;
        if (spin > 0) {
            long until = System.nanoTime() + Math.min(spin, nanos);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
                if (rings.get() != seen) {
                    return;
                }
            }
        }
        Thread me = Thread.currentThread();
        sleepers.add(me);
        try {
            if (rings.get() == seen) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            sleepers.remove(me);
        }
    }
}
