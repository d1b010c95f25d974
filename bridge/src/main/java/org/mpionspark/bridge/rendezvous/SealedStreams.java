package org.mpionspark.bridge.rendezvous;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A rank's control link to the driver, encrypted ({@code spark.network.crypto.enabled}): what is
 * written until a flush goes as frames of a {@link Seal} (the peer table, each rank's state, the
 * errors and aborts with their messages), and is read back frame by frame. The keys come from the
 * application's secret, which never travels, and a nonce the driver sends in the clear before them.
 */
final class SealedStreams {

    /** What one frame of the control link carries at most: a larger write goes in several. */
    static final int MAX_FRAME = 64 * 1024;
    static final int NONCE_BYTES = 16;

    private SealedStreams() {
    }

    /**
     * The seal of the control link of rank {@code rank} of world {@code worldKey} of registration
     * {@code registrationId}, from the application's secret {@code secret} and the driver's
     * {@code nonce}; {@code driverSide}: the driver's end (it seals what goes to the rank).
     */
    static Seal seal(byte[] secret, String registrationId, String worldKey, int rank, byte[] nonce, boolean driverSide) {
        byte[] toRank = key(secret, "to rank", registrationId, worldKey, rank, nonce);
        byte[] toDriver = key(secret, "to driver", registrationId, worldKey, rank, nonce);
        return driverSide ? new Seal(toRank, toDriver, MAX_FRAME) : new Seal(toDriver, toRank, MAX_FRAME);
    }

    private static byte[] key(byte[] secret, String direction, String registrationId, String worldKey, int rank,
                              byte[] nonce) {
        byte[] context = ("mpi-on-spark control link\0" + direction + "\0" + registrationId + "\0" + worldKey + "\0"
                + rank + "\0").getBytes(StandardCharsets.UTF_8);
        return Seal.hmac(secret, ByteBuffer.allocate(context.length + nonce.length).put(context).put(nonce).array());
    }

    /** Writes to {@code out} sealed by {@code seal}: each flush sends what was written since as frames. */
    static OutputStream sealing(OutputStream out, Seal seal) {
        return new Sealing(out, seal);
    }

    /** Reads from {@code in} the frames {@code seal} opens. */
    static InputStream opening(InputStream in, Seal seal) {
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

    private static final class Opening extends InputStream {
        private final DataInputStream in;
        private final Seal seal;
        private final ByteBuffer frame = ByteBuffer.allocate(MAX_FRAME + Seal.OVERHEAD);
        private final ByteBuffer plain = ByteBuffer.allocate(MAX_FRAME).limit(0);

        Opening(InputStream in, Seal seal) {
            this.in = new DataInputStream(in);
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
            while (!plain.hasRemaining()) {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException end) {
                    return false;
                }
                if (n < 0 || n > MAX_FRAME) {
                    throw new IOException("a frame of " + n + " bytes on the encrypted control link: not one of its frames");
                }
                frame.clear().putInt(n);
                in.readFully(frame.array(), Integer.BYTES, n + Seal.OVERHEAD - Integer.BYTES);
                frame.position(0).limit(n + Seal.OVERHEAD);
                seal.open(frame, plain);
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
