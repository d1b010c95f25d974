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
 * not interleave; the lane's reader reads them in order (see {@link LaneEndpoint}).
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
            channel.write(b);
        }
    }

    /** Fills {@code b} (cleared) to its limit from the lane; false if the peer closed it before a first byte. */
    boolean readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                if (b.position() == 0) {
                    return false;
                }
                throw new EOFException("the lane closed in the middle of a message");
            }
        }
        return true;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
