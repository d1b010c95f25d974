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
        Receive taker = null;
        synchronized (this) {
            if (closedBecause != null) {
                throw new IllegalStateException("rank " + rank + " of this JVM cannot receive any more: " + closedBecause);
            }
            for (Iterator<Receive> it = posted.iterator(); it.hasNext(); ) {
                Receive r = it.next();
                if (r.matches(m)) {
                    it.remove();
                    taker = r;
                    break;
                }
            }
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
            for (Iterator<Receive> it = posted.iterator(); it.hasNext(); ) {
                Receive r = it.next();
                if (r.matches(channel, source, tag)) {
                    it.remove();
                    taker = r;
                    break;
                }
            }
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
            m = take(r.channel, r.source, r.tag);
            if (m == null) {
                posted.add(r);
                return;
            }
        }
        r.take(m);
    }

    private Message take(int channel, int source, int tag) {
        for (Iterator<Message> it = arrived.get(channel).iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (m.matches(channel, source, tag)) {
                it.remove();
                return m;
            }
        }
        return null;
    }

    /** The oldest arrived message that matches, left in place; null if none. */
    synchronized Message peek(int channel, int source, int tag) {
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
