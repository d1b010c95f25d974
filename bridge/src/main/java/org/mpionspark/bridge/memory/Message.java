package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Transport;

/**
 * A message on its way between two ranks of one JVM, and the sender's {@link Transport.Pending}.
 * A short one is copied at once into an array of its own and the send completes; a long one
 * refers to the sender's array until the receiver copies it out (one copy in all), and the send
 * completes then, ringing the sender's bell.
 */
final class Message implements Transport.Pending {

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
    private final Mailbox senderBox;
    private volatile boolean done;
    private volatile RuntimeException failure;

    Message(int channel, int source, int dest, int tag, ArrayKind kind, Object buf, int offset, int count,
            Mailbox senderBox) {
        this.channel = channel;
        this.source = source;
        this.dest = dest;
        this.tag = tag;
        this.kind = kind;
        this.count = count;
        this.senderBox = senderBox;
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

    boolean matches(int ch, int src, int t) {
        return channel == ch && (src == Transport.ANY || src == source) && (t == Transport.ANY || t == tag);
    }

    /** Copies the message into {@code buf} from {@code at}: the receiver's one copy. */
    void copyTo(Object buf, int at) {
        System.arraycopy(data, offset, buf, at, count);
        delivered();
    }

    /** The receiver has the bytes: the sender may reuse its array. */
    void delivered() {
        if (!done) {
            done = true;
            senderBox.bell.ring();
        }
    }

    /** The receiver was torn down before it took the message. */
    void fail(RuntimeException e) {
        if (!done) {
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
