package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import org.mpionspark.bridge.dataport.LanePort;
import org.mpionspark.bridge.rendezvous.Seal;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Packing;

/**
 * One lane: the connection between this JVM's endpoint and one other. A message is a header
 * (source, destination, channel, tag, kind, count) and its elements, written by the sending rank's
 * own thread a chunk at a time through a direct buffer, under the lane's lock so that messages do
 * not interleave; whichever thread reads the lanes now reads them in order through a buffer of its
 * own ({@link Inbound}). The channel does not block, so that a rank's thread can wait on every lane
 * at once ({@link LaneReading}); a write that finds the system's buffer full waits for room. With
 * {@code spark.network.crypto.enabled}, each write goes as one encrypted frame ({@link Seal}).
 */
final class Lane {

    static final int HEADER_BYTES = 6 * Integer.BYTES;
    /** The kind a goodbye carries in its header: its sender will write nothing more on this lane. */
    static final int BYE = -1;
    /** The kind of the header that tells where its sender's MPJ Express endpoint listens (channel: write port, tag: read port). */
    static final int MPJ_PORTS = -2;
    /** The direct buffers' size: a message up to this many bytes (header included) is one write. */
    static final int CHUNK_BYTES = 256 * 1024;

    private final int peer;
    private final String peerName;
    private final SocketChannel channel;
    private final ByteBuffer out = ChunkPool.take();
    /** When the write under way began ({@link System#nanoTime}); 0 when none is. */
    private volatile long writingSince;
    private volatile String abandoned;
    /**
     * The reader's: bytes read (opened, on an encrypted lane) and not yet taken, between position
     * and limit. An encrypted lane's holds a message's part and a whole frame: twice a chunk.
     */
    private final ByteBuffer in;
    /** An encrypted lane's seal; null when the lane is not encrypted. */
    private final Seal seal;
    /** An encrypted lane's: the frame a write seals into, and the frames read and not yet opened. */
    private final ByteBuffer sealedOut;
    private final ByteBuffer sealedIn;
    /** Its buffers went back to the {@link ChunkPool}: nothing more is written. */
    private boolean recycled;
    /** Told when a write finds no room: the peer may wait for this JVM to read before it reads ({@link LaneReading#writerWaits}). */
    private volatile Runnable full = () -> { };
    /** Where a write waits for room; opened at the first write that finds none. */
    private volatile Selector room;
    private boolean released;

    /** The lane to endpoint {@code peer}, called {@code peerName} in errors, over {@code channel} (made non-blocking). */
    Lane(int peer, String peerName, SocketChannel channel) throws IOException {
        this(peer, peerName, channel, null);
    }

    /** As {@link #Lane(int, String, SocketChannel)}, every write sealed by {@code seal} (null: not encrypted). */
    Lane(int peer, String peerName, SocketChannel channel, Seal seal) throws IOException {
        this.peer = peer;
        this.peerName = peerName;
        this.channel = channel;
        this.seal = seal;
        if (seal == null) {
            this.in = ChunkPool.take().limit(0);
            this.sealedOut = null;
            this.sealedIn = null;
        } else {
            this.in = ByteBuffer.allocateDirect(2 * CHUNK_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN).limit(0);
            this.sealedOut = ByteBuffer.allocateDirect(CHUNK_BYTES + Seal.OVERHEAD);
            this.sealedIn = ByteBuffer.allocateDirect(CHUNK_BYTES + Seal.OVERHEAD).limit(0);
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
    }

    /** The seal of endpoint {@code me}'s lane to endpoint {@code peer}, in the world whose data-port key is {@code key}. */
    static Seal seal(byte[] key, int me, int peer) {
        return new Seal(LanePort.sealingKey(key, me, peer), LanePort.sealingKey(key, peer, me), CHUNK_BYTES);
    }

    /** What a write that finds no room tells (before it waits). */
    void whenFull(Runnable full) {
        this.full = full;
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
            requireBuffers();
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
        say(BYE, 0, 0);
    }

    /** Tells the peer where this JVM's MPJ Express endpoint, just started, listens. */
    void sayMpjPorts(int writePort, int readPort) throws IOException {
        say(MPJ_PORTS, writePort, readPort);
    }

    /** A header for the peer's endpoint, not for a rank: its kind {@code what}, its channel and tag {@code a} and {@code b}. */
    private void say(int what, int a, int b) throws IOException {
        synchronized (out) {
            requireBuffers();
            out.clear();
            out.putInt(-1).putInt(-1).putInt(a).putInt(b).putInt(what).putInt(0);
            out.flip();
            writeFully(out);
        }
    }

    private void requireBuffers() throws IOException {
        if (recycled) {
            throw new IOException("the lane was closed");
        }
    }

    /**
     * Gives its buffers to the next lanes of this JVM, once it has ended in order: closed, no rank
     * writes any more and no thread reads (its selector closed), so neither buffer is touched again.
     */
    void recycle() {
        synchronized (out) {
            if (recycled) {
                return;
            }
            recycled = true;
        }
        ChunkPool.giveBack(out);
        if (seal == null) {
            ChunkPool.giveBack(in);
        }
    }

    /** Writes all of {@code b}, sealed as one frame on an encrypted lane; holds the lane's lock. */
    private void writeFully(ByteBuffer b) throws IOException {
        if (seal != null) {
            sealedOut.clear();
            seal.seal(b, sealedOut);
            b = sealedOut.flip();
        }
        if (channel.write(b) > 0 && !b.hasRemaining()) {
            return; // the usual case: the system had room
        }
        writingSince = System.nanoTime();
        try {
            while (b.hasRemaining()) {
                if (channel.write(b) == 0) {
                    awaitRoom();
                } else {
                    writingSince = System.nanoTime(); // slow is not stuck
                }
            }
        } finally {
            writingSince = 0;
        }
    }

    /** Waits (a while at most: the caller writes again) until the system's buffer has room; holds the lane's lock. */
    private void awaitRoom() throws IOException {
        full.run();
        try {
            Selector r = room;
            if (r == null) {
                synchronized (this) {
                    if (released) {
                        throw new IOException("the lane was closed");
                    }
                    r = room = Selector.open();
                }
                channel.register(r, SelectionKey.OP_WRITE);
            }
            r.select(100);
            r.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new IOException("the lane was closed", e);
        }
        if (!channel.isOpen()) {
            throw new IOException("the lane was closed");
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

    /** What the reader has read and not yet taken, from its position to its limit; the reading thread's only. */
    ByteBuffer input() {
        return in;
    }

    /** An encrypted lane's seal; null if the lane is not encrypted. */
    Seal seal() {
        return seal;
    }

    /** An encrypted lane's frames read and not yet opened, from position to limit; the reading thread's only. */
    ByteBuffer sealedInput() {
        return sealedIn;
    }

    /** Closes the connection; a write waiting for room fails at once. */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
        Selector r = room;
        if (r != null) {
            r.wakeup();
        }
    }

    /** Closes the selector writes wait on, once the connection is closed: the system lets go of the connection then. */
    void release() {
        Selector r;
        synchronized (this) {
            released = true;
            r = room;
        }
        if (r != null) {
            try {
                r.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }
}
