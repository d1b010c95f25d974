package org.mpionspark.bridge.rendezvous;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A connection of streams encrypted ({@code spark.network.crypto.enabled}): a rank's control link
 * to the driver, an MPI session's cells. What is written until a flush goes as frames of a
 * {@link Seal}, and is read back frame by frame. The keys come from the application's secret,
 * which never travels, and a nonce the accepting side (the driver) sends in the clear first.
 */
public final class SealedStreams {

    /** What one frame carries at most: a larger write goes in several. */
    public static final int MAX_FRAME = 64 * 1024;
    public static final int NONCE_BYTES = 16;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SealedStreams() {
    }

    /** A fresh nonce, for the accepting side to send. */
    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /**
     * The accepting side, once it has admitted a hello: {@code marker} (the protocol's "encrypted
     * from here") and a fresh nonce, in the clear, on {@code out}; returns the nonce.
     */
    public static byte[] offer(OutputStream out, int marker) throws IOException {
        byte[] nonce = nonce();
        out.write(marker);
        out.write(nonce);
        out.flush();
        return nonce;
    }

    /** The connecting side, once it has read the accepting side's marker: the nonce after it. */
    public static byte[] nonceFrom(InputStream in) throws IOException {
        byte[] nonce = in.readNBytes(NONCE_BYTES);
        if (nonce.length < NONCE_BYTES) {
            throw new EOFException("the nonce of the encrypted connection was cut short");
        }
        return nonce;
    }

    /**
     * The seal of one connection for {@code purpose} ("control link", "session cells") between the
     * peers {@code context} names, from the application's secret {@code secret} and the accepting
     * side's {@code nonce}; {@code acceptor}: the accepting side's end.
     */
    public static Seal seal(byte[] secret, String purpose, String context, byte[] nonce, boolean acceptor) {
        byte[] toConnector = key(secret, purpose, "to connector", context, nonce);
        byte[] toAcceptor = key(secret, purpose, "to acceptor", context, nonce);
        return acceptor ? new Seal(toConnector, toAcceptor, MAX_FRAME) : new Seal(toAcceptor, toConnector, MAX_FRAME);
    }

    /** The seal of the control link of rank {@code rank} of world {@code worldKey} of registration {@code registrationId}. */
    static Seal controlLink(byte[] secret, String registrationId, String worldKey, int rank, byte[] nonce,
                            boolean driverSide) {
        return seal(secret, "control link", registrationId + "\0" + worldKey + "\0" + rank, nonce, driverSide);
    }

    private static byte[] key(byte[] secret, String purpose, String direction, String context, byte[] nonce) {
        byte[] label = ("mpi-on-spark " + purpose + "\0" + direction + "\0" + context + "\0")
                .getBytes(StandardCharsets.UTF_8);
        return Seal.hmac(secret, ByteBuffer.allocate(label.length + nonce.length).put(label).put(nonce).array());
    }

    /** Writes to {@code out} sealed by {@code seal}: each flush sends what was written since as frames. */
    public static OutputStream sealing(OutputStream out, Seal seal) {
        return new Sealing(out, seal);
    }

    /** {@link #sealing} behind a buffer of one frame: what a {@code DataOutputStream} writes goes in whole frames at each flush. */
    public static OutputStream bufferedSealing(OutputStream out, Seal seal) {
        return new java.io.BufferedOutputStream(sealing(out, seal), MAX_FRAME);
    }

    /** Reads from {@code in} the frames {@code seal} opens. */
    public static InputStream opening(InputStream in, Seal seal) {
        return new Opening(in, seal);
    }

    private static final class Sealing extends OutputStream {
        private final OutputStream out;
        private final Seal seal;
        private final ByteBuffer pending = ByteBuffer.allocate(MAX_FRAME);
        private final ByteBuffer frame = ByteBuffer.allocate(MAX_FRAME + Seal.OVERHEAD);

        Sealing(OutputStream out, Seal seal) {
            this.out = out;
            this.seal = seal;
        }

        @Override
        public void write(int b) throws IOException {
            if (!pending.hasRemaining()) {
                send();
            }
            pending.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (!pending.hasRemaining()) {
                    send();
                }
                int n = Math.min(len, pending.remaining());
                pending.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (pending.position() > 0) {
                send();
            }
            out.flush();
        }

        private void send() throws IOException {
            pending.flip();
            frame.clear();
            seal.seal(pending, frame);
            out.write(frame.array(), 0, frame.position());
            pending.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    /** Reads frames as they come; a read that times out (a socket's timeout) keeps what it had, and the next goes on from there. */
    private static final class Opening extends InputStream {
        private final InputStream in;
        private final Seal seal;
        private final ByteBuffer frame = ByteBuffer.allocate(MAX_FRAME + Seal.OVERHEAD);
        private final ByteBuffer plain = ByteBuffer.allocate(MAX_FRAME).limit(0);
        /** Bytes of the next frame read so far. */
        private int got;

        Opening(InputStream in, Seal seal) {
            this.in = in;
            this.seal = seal;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, plain.remaining());
            plain.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return plain.remaining();
        }

        /** Opens the next frame if every byte of the last one was read: false at the end of the stream, between frames. */
        private boolean fill() throws IOException {
            byte[] buf = frame.array();
            while (!plain.hasRemaining()) {
                for (int want; got < (want = got < Integer.BYTES ? Integer.BYTES : frameBytes(buf)); ) {
                    int n = in.read(buf, got, want - got); // a timeout leaves got as it was
                    if (n < 0) {
                        if (got == 0) {
                            return false;
                        }
                        throw new EOFException("the encrypted connection ended in the middle of a frame");
                    }
                    got += n;
                }
                frame.position(0).limit(got);
                got = 0;
                seal.open(frame, plain);
            }
            return true;
        }

        /** The whole frame's bytes, from its length at the start of {@code buf}. */
        private static int frameBytes(byte[] buf) throws IOException {
            int length = ByteBuffer.wrap(buf).getInt(0);
            if (length < 0 || length > MAX_FRAME) {
                throw new IOException("a frame of " + length + " bytes on an encrypted connection: not one of its frames");
            }
            return length + Seal.OVERHEAD;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
