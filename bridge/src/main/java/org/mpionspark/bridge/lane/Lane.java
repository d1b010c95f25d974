package org.mpionspark.bridge.lane;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Packing;

/**
 * One lane: the connection between this JVM's endpoint and one other. A message is a header
 * (source, destination, channel, tag, kind, count) and its elements, written by the sending rank's
 * own thread a chunk at a time through a direct buffer, under the lane's lock so that messages do
 * not interleave; the lane's reader reads them in order (see {@link LaneEndpoint}) through a buffer
 * of its own.
 */
final class Lane {

    static final int HEADER_BYTES = 6 * Integer.BYTES;
    /** The kind a goodbye carries in its header: its sender will write nothing more on this lane. */
    static final int BYE = -1;
    /** The direct buffers' size: a message up to this many bytes (header included) is one write. */
    static final int CHUNK_BYTES = 256 * 1024;

    private final int peer;
    private final String peerName;
    private final SocketChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** When the write under way began ({@link System#nanoTime}); 0 when none is. */
    private volatile long writingSince;
    private volatile String abandoned;
    /** The reader's: bytes read and not yet taken, between position and limit. */
    private final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN).limit(0);

    /** The lane to endpoint {@code peer}, called {@code peerName} in errors, over {@code channel} (blocking). */
    Lane(int peer, String peerName, SocketChannel channel) throws IOException {
        this.peer = peer;
        this.peerName = peerName;
        this.channel = channel;
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    int peer() {
        return peer;
    }

    /** "endpoint 2 (10.0.0.3:41234)": whom this lane reaches, for errors. */
    String peerName() {
        return peerName;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Writes one message: returns once every byte is with the system, whose buffer the peer's reader drains. */
    void send(int source, int dest, int ch, int tag, ArrayKind kind, Object buf, int offset, int count)
            throws IOException {
        int size = kind.bytes();
        synchronized (out) {
            out.clear();
            out.putInt(source).putInt(dest).putInt(ch).putInt(tag).putInt(kind.ordinal()).putInt(count);
            int done = 0;
            do {
                int n = Math.min(count - done, out.remaining() / size);
                Packing.pack(kind, buf, offset + done, n, out);
                done += n;
                out.flip();
                writeFully(out);
                out.clear();
            } while (done < count);
        }
    }

    /** Says this endpoint will write nothing more here. */
    void sayBye() throws IOException {
        synchronized (out) {
            out.clear();
            out.putInt(-1).putInt(-1).putInt(0).putInt(0).putInt(BYE).putInt(0);
            out.flip();
            writeFully(out);
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            writingSince = System.nanoTime();
            try {
                channel.write(b);
            } finally {
                writingSince = 0;
            }
        }
    }

    /** Nanoseconds the write under way has taken so far (0 if none): the system's buffer is full, the peer reads nothing. */
    long stuckNanos(long now) {
        long since = writingSince;
        return since == 0 ? 0 : now - since;
    }

    /** Gives the lane up for {@code why}: closed, so that the write stuck on it fails, saying why. */
    void abandon(String why) {
        abandoned = why;
        close();
    }

    /** Why the lane was given up ({@link #abandon}); null if it was not. */
    String abandoned() {
        return abandoned;
    }

    /**
     * Makes at least {@code n} (at most the buffer's size) unread bytes ready in {@link #input},
     * reading as many as the system has: a burst of short messages costs one read. False if the
     * peer closed the lane with nothing unread; an end in the middle of a message throws.
     */
    boolean fill(int n) throws IOException {
        if (in.remaining() >= n) {
            return true;
        }
        in.compact();
        try {
            while (in.position() < n) {
                if (channel.read(in) < 0) {
                    if (in.position() == 0) {
                        return false;
                    }
                    throw new EOFException("the lane closed in the middle of a message");
                }
            }
        } finally {
            in.flip();
        }
        return true;
    }

    /** What the reader has read and not yet taken, from its position to its limit; the reader's thread only. */
    ByteBuffer input() {
        return in;
    }

    /**
     * Reads {@code count} elements of {@code kind} into {@code data} from {@code at}, a buffer at a
     * time; with no {@code data} (its receiver has ended), reads and drops them.
     */
    void readElements(ArrayKind kind, int count, Object data, int at) throws IOException {
        int size = kind.bytes();
        int per = in.capacity() / size;
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, per);
            if (!fill(n * size)) {
                throw new EOFException("the lane closed in the middle of a message");
            }
            if (data != null) {
                Packing.unpack(kind, in, data, at + done, n);
            } else {
                in.position(in.position() + n * size);
            }
            done += n;
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
