package org.mpionspark.bridge.rendezvous;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * What a rank says when it connects ({@link ControlLink#join} writes it). Parsed from bytes as
 * they trickle in, so a handshake can be read without a thread blocking on it.
 */
record Hello(String registrationId, byte[] secret, String worldKey, int rank, int size, int processors,
             String jvm, String machine, int machineProcessors, int lanePort) {

    /** The longest handshake accepted: a real one is about 120 bytes. */
    static final int MAX_BYTES = 8 << 10;
    private static final int MAX_SECRET = 1 << 10;

    /**
     * The handshake in {@code buf[0, length)}, or null while it is incomplete.
     *
     * @throws ProtocolException with a reason fit to send back, when the bytes cannot be a handshake
     */
    static HandshakeSelector.Handshake<Hello> parse(byte[] buf, int length) throws ProtocolException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(buf, 0, length);
        DataInputStream in = new DataInputStream(bytes);
        try {
            if (in.readInt() != Wire.MAGIC) {
                throw new ProtocolException("not an mpi-on-spark rank (bad magic)");
            }
            int version = in.readInt();
            if (version != Wire.VERSION) {
                throw new ProtocolException("rendezvous protocol version " + version + ", but the driver speaks "
                        + Wire.VERSION + " (mixed mpi-on-spark versions?)");
            }
            String regId = in.readUTF();
            int secretLength = in.readInt();
            if (secretLength < 0 || secretLength > MAX_SECRET) {
                throw new ProtocolException("bad secret length " + secretLength);
            }
            byte[] secret = in.readNBytes(secretLength);
            if (secret.length < secretLength) {
                return null;
            }
            Hello h = new Hello(regId, secret, in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readUTF(),
                    in.readUTF(), in.readInt(), in.readInt());
            return new HandshakeSelector.Handshake<>(h, bytes.readAllBytes());
        } catch (EOFException incomplete) {
            return null;
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException e) { // a malformed string
            throw new ProtocolException("malformed handshake: " + e.getMessage());
        }
    }
}
