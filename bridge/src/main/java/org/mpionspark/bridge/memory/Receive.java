package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Transport;

/**
 * A receive posted before its message arrived; the sender fills it, and rings the receiver's bell.
 * A message from another JVM whose elements are still travelling is copied in by the receiver's
 * own poll once they are in.
 */
final class Receive implements Transport.Preposted {

    final int channel;
    final int source;
    final int tag;
    final ArrayKind kind;
    private final Object buf;
    private final int offset;
    private final int capacity;
    private final Mailbox box;
    /** Takes only a message of its kind that fits; gives up at the first that matches and does not ({@link Transport#prepost}). */
    final boolean strict;
    private volatile boolean declined;
    /** A message has been given to it, under the mailbox's lock: it can no longer be withdrawn. */
    private volatile boolean claimed;
    private volatile int[] status;
    private volatile RuntimeException failure;
    /** A taken message from another JVM whose elements have not all arrived yet (set under this receive's lock). */
    private volatile Message awaiting;

    Receive(int channel, int source, int tag, ArrayKind kind, Object buf, int offset, int capacity, Mailbox box) {
        this(channel, source, tag, kind, buf, offset, capacity, box, false);
    }

    private Receive(int channel, int source, int tag, ArrayKind kind, Object buf, int offset, int capacity, Mailbox box,
                    boolean strict) {
        this.strict = strict;
        this.channel = channel;
        this.source = source;
        this.tag = tag;
        this.kind = kind;
        this.buf = buf;
        this.offset = offset;
        this.capacity = capacity;
        this.box = box;
    }

    /** A receive posted before its message, which takes only one that fits ({@link Transport#prepost}). */
    static Receive strict(int channel, int source, int tag, ArrayKind kind, Object buf, int offset, int capacity,
                          Mailbox box) {
        return new Receive(channel, source, tag, kind, buf, offset, capacity, box, true);
    }

    boolean matches(Message m) {
        return m.matches(channel, source, tag);
    }

    /** Whether this receive takes {@code m} when it matches: any, or for a strict one only one that fits. */
    boolean accepts(ArrayKind k, int count) {
        return !strict || fits(k, count);
    }

    /** A strict receive met a matching message that does not fit: it took none, and is out of the mailbox. */
    void decline() {
        declined = true;
        box.bell.ring();
    }

    @Override
    public boolean declined() {
        return declined;
    }

    /** Marks it as given a message; called under the mailbox's lock, before {@link #take}. */
    void claim() {
        claimed = true;
    }

    @Override
    public boolean matched() {
        return claimed;
    }

    /** Whether a message from {@code src} with {@code t} on {@code ch} is one for this receive. */
    boolean matches(int ch, int src, int t) {
        return ch == channel && (source == Transport.ANY || source == src) && (tag == Transport.ANY || tag == t);
    }

    /** Whether {@code count} elements of {@code k} fit this receive. */
    boolean fits(ArrayKind k, int count) {
        return k == kind && count <= capacity;
    }

    /** A message from another JVM, matched by this receive, whose elements will be read straight into its array. */
    Message arrivingInto(int src, int dest, int t, int count) {
        return Message.arrived(channel, src, dest, t, kind, buf, offset, count, false, box.bell);
    }

    /**
     * Takes message {@code m} (already removed from every queue): copies it in, or fails if it
     * does not fit. Either way the message is consumed, as MPI consumes a truncated one.
     */
    void take(Message m) {
        RuntimeException problem = null;
        if (m.kind != kind) {
            problem = new IllegalStateException("a message of " + m.kind.elementName() + " values from rank "
                    + m.source + " arrived for a receive of " + kind.elementName() + " values");
        } else if (m.count > capacity) {
            problem = new Transport.Truncated(m.count, capacity);
        }
        if (problem == null) {
            synchronized (this) {
                awaiting = m;
                copyIfReady();
                if (awaiting != null) {
                    return; // elements still travelling: its message rings when they are in
                }
            }
        } else {
            m.delivered();
            failure = problem;
        }
        box.bell.ring();
    }

    /** Copies the awaited message in if its elements are all here. Holds this receive's lock. */
    private void copyIfReady() {
        Message m = awaiting;
        try {
            if (!m.ready()) {
                return;
            }
        } catch (RuntimeException e) {
            awaiting = null;
            failure = e;
            return;
        }
        awaiting = null;
        m.copyTo(buf, offset);
        status = new int[] {m.source, m.tag, m.count};
    }

    void fail(RuntimeException e) {
        failure = e;
    }

    @Override
    public int[] test() {
        int[] s = status;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (awaiting != null) {
                copyIfReady();
                if (status != null) {
                    return status;
                }
            }
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        box.checkAlive();
        return null;
    }

    @Override
    public void block(long nanos) {
        long seen = box.bell.rings();
        Message m = awaiting;
        if (status == null && failure == null && (m == null || !m.filledOrFailed())) {
            box.bell.await(seen, nanos);
        }
    }
}
