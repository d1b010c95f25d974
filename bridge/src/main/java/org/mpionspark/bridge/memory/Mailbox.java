package org.mpionspark.bridge.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One rank's incoming side on the memory path: messages in arrival order per channel (what an
 * MPI implementation calls the unexpected queue), the receives posted before their message, and
 * the bell its waiting threads sleep on. Senders and the receiver meet under its lock; the bytes
 * are copied outside it.
 */
final class Mailbox {

    final int rank;
    final Doorbell bell;
    private final List<ArrayDeque<Message>> arrived = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private final List<Receive> posted = new ArrayList<>();
    private volatile String closedBecause;

    Mailbox(int rank, Doorbell bell) {
        this.rank = rank;
        this.bell = bell;
    }

    /** Hands {@code m} to the oldest posted receive that matches, or queues it; rings this rank's bell. */
    void deliver(Message m) {
        Receive taker;
        synchronized (this) {
            if (closedBecause != null) {
                throw new IllegalStateException("rank " + rank + " of this JVM cannot receive any more: " + closedBecause);
            }
            taker = takerOf(m.channel, m.source, m.tag, m.kind, m.count);
            if (taker == null) {
                arrived.get(m.channel).add(m);
            }
        }
        if (taker != null) {
            taker.take(m); // the sender copies straight into the posted receive
        } else {
            bell.ring();
        }
    }

    /**
     * The oldest posted receive that matches, out of the queue; null if none, or if it is a strict
     * one the message does not fit, which then declines (the message is queued, for the caller).
     * Holds the lock.
     */
    private Receive takerOf(int channel, int source, int tag, org.mpionspark.bridge.transport.ArrayKind kind, int count) {
        for (Iterator<Receive> it = posted.iterator(); it.hasNext(); ) {
            Receive r = it.next();
            if (r.matches(channel, source, tag)) {
                it.remove();
                if (r.accepts(kind, count)) {
                    r.claim();
                    return r;
                }
                r.decline();
                return null;
            }
        }
        return null;
    }

    /** Takes {@code r} back out of the posted receives if no message has reached it: whether it was there. */
    synchronized boolean withdraw(Receive r) {
        return posted.remove(r);
    }

    /**
     * A message from another JVM whose elements are still to be read ({@link
     * org.mpionspark.bridge.transport.Arrivals#arriving}): if a posted receive takes it and it fits,
     * its elements go straight into that receive's array; else into an array of its own.
     */
    Message deliverArriving(int channel, int source, int dest, int tag,
                            org.mpionspark.bridge.transport.ArrayKind kind, int count) {
        Receive taker = null;
        Message m;
        synchronized (this) {
            if (closedBecause != null) {
                throw new IllegalStateException("rank " + rank + " of this JVM cannot receive any more: " + closedBecause);
            }
            taker = takerOf(channel, source, tag, kind, count);
            m = taker != null && taker.fits(kind, count) ? taker.arrivingInto(source, dest, tag, count)
                    : Message.arrived(channel, source, dest, tag, kind, kind.newArray(count), 0, count, false, bell);
            if (taker == null) {
                arrived.get(channel).add(m);
            }
        }
        if (taker != null) {
            taker.take(m);
        } else {
            bell.ring();
        }
        return m;
    }

    /** Takes the oldest arrived message that matches, or posts {@code r} for the next one. */
    void receive(Receive r) {
        Message m;
        synchronized (this) {
            checkAlive();
            m = peekLocked(r.channel, r.source, r.tag);
            if (m != null && !r.accepts(m.kind, m.count)) { // strict: the message stays where it is
                r.decline();
                return;
            }
            if (m != null) {
                arrived.get(r.channel).remove(m);
                r.claim();
            } else {
                posted.add(r);
                return;
            }
        }
        r.take(m);
    }

    /** The oldest arrived message that matches, left in place; null if none. */
    synchronized Message peek(int channel, int source, int tag) {
        return peekLocked(channel, source, tag);
    }

    private Message peekLocked(int channel, int source, int tag) {
        for (Message m : arrived.get(channel)) {
            if (m.matches(channel, source, tag)) {
                return m;
            }
        }
        return null;
    }

    void checkAlive() {
        String why = closedBecause;
        if (why != null) {
            throw new IllegalStateException("the memory path of rank " + rank + " was torn down: " + why);
        }
    }

    /** Refuses every later message and fails whatever waits here: senders of queued messages too. */
    void close(String why) {
        List<Message> dropped = new ArrayList<>();
        List<Receive> failed;
        synchronized (this) {
            if (closedBecause != null) {
                return;
            }
            closedBecause = why;
            arrived.forEach(dropped::addAll);
            arrived.forEach(ArrayDeque::clear);
            failed = new ArrayList<>(posted);
            posted.clear();
        }
        IllegalStateException e = new IllegalStateException("rank " + rank + " was torn down before it received "
                + "this message: " + why);
        dropped.forEach(m -> m.fail(e));
        failed.forEach(r -> r.fail(e));
        bell.ring();
    }

    /** Messages arrived and not yet received: for the end-of-rank check and tests. */
    synchronized int queued(int channel) {
        return arrived.get(channel).size();
    }
}
