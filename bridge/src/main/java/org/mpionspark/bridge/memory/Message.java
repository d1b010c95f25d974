package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Transport;

/**
 * A message on its way between two ranks of one JVM, and the sender's {@link Transport.Pending}.
 * A short one is copied at once into an array of its own and the send completes; a long one
 * refers to the sender's array until the receiver copies it out (one copy in all), and the send
 * completes then, ringing the sender's bell. A message from another JVM ({@link #arrived}) has no
 * sender here; its elements may follow its envelope, and the receiver's bell rings when they do.
 */
final class Message implements Transport.Pending, Arrivals.Arrival {

    /** Messages up to this many bytes are copied at once, so the send completes without the receiver. */
    static final int EAGER_BYTES = 16 * 1024;

    final int channel;
    final int source;
    final int dest;
    final int tag;
    final ArrayKind kind;
    final Object data;
    final int offset;
    final int count;
    /** The sender's mailbox; null for a message from another JVM. */
    private final Mailbox senderBox;
    /** For a message from another JVM: the receiver's, rung when its elements are in. */
    private final Doorbell receiverBell;
    private volatile boolean done;
    private volatile RuntimeException failure;
    /** Whether {@link #data} holds the elements (always, but for a message from another JVM still arriving). */
    private volatile boolean filled = true;

    Message(int channel, int source, int dest, int tag, ArrayKind kind, Object buf, int offset, int count,
            Mailbox senderBox) {
        this.channel = channel;
        this.source = source;
        this.dest = dest;
        this.tag = tag;
        this.kind = kind;
        this.count = count;
        this.senderBox = senderBox;
        this.receiverBell = null;
        if ((long) count * kind.bytes() <= EAGER_BYTES) {
            Object copy = kind.newArray(count);
            System.arraycopy(buf, offset, copy, 0, count);
            this.data = copy;
            this.offset = 0;
            this.done = true;
        } else {
            this.data = buf;
            this.offset = offset;
        }
    }

    private Message(int channel, int source, int dest, int tag, ArrayKind kind, Object data, int offset, int count,
                    boolean filled, Doorbell receiverBell) {
        this.channel = channel;
        this.source = source;
        this.dest = dest;
        this.tag = tag;
        this.kind = kind;
        this.data = data;
        this.offset = offset;
        this.count = count;
        this.senderBox = null;
        this.receiverBell = receiverBell;
        this.filled = filled;
        this.done = true;
    }

    /**
     * A message from another JVM, in {@code data} from {@code offset} now or once {@link #filled()}
     * is called; {@code data} may be the array of the receive that took it, read straight into.
     */
    static Message arrived(int channel, int source, int dest, int tag, ArrayKind kind, Object data, int offset,
                           int count, boolean filled, Doorbell receiverBell) {
        return new Message(channel, source, dest, tag, kind, data, offset, count, filled, receiverBell);
    }

    @Override
    public Object buffer() {
        return data;
    }

    @Override
    public int offset() {
        return offset;
    }

    /** Whether the elements are here to copy: false while those of a message from another JVM travel. */
    boolean ready() {
        RuntimeException f = failure;
        if (f != null && senderBox == null) {
            throw f;
        }
        return filled;
    }

    /** Whether a message from another JVM has all its elements here, or has failed: then there is nothing to wait for. */
    boolean filledOrFailed() {
        return filled || failure != null;
    }

    @Override
    public void filled() {
        filled = true;
        receiverBell.ring();
    }

    @Override
    public void failed(RuntimeException e) {
        failure = e;
        receiverBell.ring();
    }

    boolean matches(int ch, int src, int t) {
        return channel == ch && (src == Transport.ANY || src == source) && (t == Transport.ANY || t == tag);
    }

    /** Copies the message into {@code buf} from {@code at}: the receiver's one copy. */
    void copyTo(Object buf, int at) {
        if (data != buf || offset != at) { // else its elements were read straight into the receive
            System.arraycopy(data, offset, buf, at, count);
        }
        delivered();
    }

    /** The receiver has the bytes: the sender may reuse its array. */
    void delivered() {
        if (!done && senderBox != null) {
            done = true;
            senderBox.bell.ring();
        }
    }

    /** The receiver was torn down before it took the message. */
    void fail(RuntimeException e) {
        if (!done && senderBox != null) {
            failure = e;
            senderBox.bell.ring();
        }
    }

    @Override
    public int[] test() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        senderBox.checkAlive();
        return done ? new int[] {dest, tag, count} : null;
    }

    @Override
    public void block(long nanos) {
        long seen = senderBox.bell.rings();
        if (!done && failure == null) {
            senderBox.bell.await(seen, nanos);
        }
    }
}
