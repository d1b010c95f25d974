package org.mpionspark.bridge.rendezvous;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** The rendezvous protocol's constants and the encoding of a rank's error. */
final class Wire {

    static final int MAGIC = 0x4D50534B; // "MPSK"
    static final int VERSION = 7;

    // server -> rank, once
    static final byte ADMITTED = 1;
    static final byte REFUSED = 2;
    /** The driver's first answer to a rank of a sealed world: a nonce, then every byte encrypted ({@link SealedStreams}). */
    static final byte SEALING = 3;
    // rank -> server, after admission
    static final byte DONE = 10;
    static final byte FAILED = 11;
    /**
     * What the rank is blocked in, or that it runs its own code: read by the deadlock watchdog. Then
     * a byte ({@link #RUNNING}, {@link #BLOCKED} or {@link #POLLING}), the call (UTF), the progress (long).
     */
    static final byte STATE = 12;
    static final byte RUNNING = 0;
    static final byte BLOCKED = 1;
    /** Polling requests in vain: blocked for as long as such reports keep coming. */
    static final byte POLLING = 2;
    /** The ports of the MPJ Express endpoint this rank started for its JVM. */
    static final byte ENDPOINT = 13;
    // server -> rank, after admission
    static final byte ABORT = 20;
    /** Every JVM's endpoint, once all have started: to the ranks that started one. */
    static final byte ENDPOINTS = 21;

    static final int MAX_BLOB = 4 << 20;

    private Wire() {
    }

    static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_BLOB) {
            throw new IOException("bad blob length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Java-serialises an error so its class and stack survive the trip; never fails. */
    static byte[] encodeError(Throwable t) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(t);
        } catch (IOException | RuntimeException e) {
            return encodeError(RemoteError.of(t));
        }
        return buf.toByteArray();
    }

    /** The error back, through {@code loader}; a {@link RemoteError} when its class is not there. */
    static Throwable decodeError(byte[] b, ClassLoader loader) {
        if (b == null || b.length == 0) {
            return null;
        }
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(b), loader)) {
            return (Throwable) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return new RemoteError("an error that could not be read back here: " + e, null);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
