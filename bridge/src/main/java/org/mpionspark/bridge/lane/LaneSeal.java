package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mpionspark.bridge.dataport.LanePort;

/**
 * A lane's encryption, when {@code spark.network.crypto.enabled} asks for it: each write is one
 * frame, its length then its bytes under AES-GCM with the length as associated data, a key per
 * direction drawn from the world's key and a counter as the nonce. A frame altered, dropped,
 * replayed or from another world does not authenticate, and the lane fails saying so.
 */
final class LaneSeal {

    /** Length, then the GCM tag after the bytes. */
    static final int OVERHEAD = Integer.BYTES + 16;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sendKey;
    private final SecretKeySpec receiveKey;
    private final Cipher sealing;
    private final Cipher opening;
    private long sent;
    private long received;

    private LaneSeal(byte[] sendKey, byte[] receiveKey) {
        this.sendKey = new SecretKeySpec(sendKey, "AES");
        this.receiveKey = new SecretKeySpec(receiveKey, "AES");
        try {
            this.sealing = Cipher.getInstance("AES/GCM/NoPadding");
            this.opening = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is missing from this JVM", e);
        }
    }

    /** The seal of endpoint {@code me}'s lane to endpoint {@code peer}, in the world whose data-port key is {@code key}. */
    static LaneSeal between(byte[] key, int me, int peer) {
        return new LaneSeal(LanePort.sealingKey(key, me, peer), LanePort.sealingKey(key, peer, me));
    }

    /** Seals {@code plain}'s remaining bytes as one frame at {@code frame}'s position; the writer's, under the lane's lock. */
    void seal(ByteBuffer plain, ByteBuffer frame) throws IOException {
        int n = plain.remaining();
        frame.putInt(n);
        try {
            sealing.init(Cipher.ENCRYPT_MODE, sendKey, new GCMParameterSpec(TAG_BITS, nonce(sent++)));
            sealing.updateAAD(length(n));
            sealing.doFinal(plain, frame);
        } catch (GeneralSecurityException e) {
            throw new IOException("sealing a frame failed: " + e, e);
        }
    }

    /**
     * Opens the frame at {@code sealed}'s position, if all of it is there, appending its bytes to
     * {@code plain} (read mode: its unread bytes stay first); false if the frame is not all in yet.
     * The reading thread's.
     *
     * @throws IOException if the frame does not authenticate, or {@code plain} has no room for it
     */
    boolean open(ByteBuffer sealed, ByteBuffer plain) throws IOException {
        if (sealed.remaining() < Integer.BYTES) {
            return false;
        }
        int n = sealed.getInt(sealed.position());
        if (n < 0 || n > Lane.CHUNK_BYTES) {
            throw new IOException("a frame of " + n + " bytes on an encrypted lane: not one of this world's");
        }
        if (sealed.remaining() < n + OVERHEAD) {
            return false;
        }
        plain.compact();
        try {
            if (plain.remaining() < n) {
                throw new IOException("no room for a frame of " + n + " bytes");
            }
            ByteBuffer frame = sealed.duplicate();
            frame.position(sealed.position() + Integer.BYTES).limit(sealed.position() + n + OVERHEAD);
            opening.init(Cipher.DECRYPT_MODE, receiveKey, new GCMParameterSpec(TAG_BITS, nonce(received++)));
            opening.updateAAD(length(n));
            opening.doFinal(frame, plain);
            sealed.position(sealed.position() + n + OVERHEAD);
            return true;
        } catch (AEADBadTagException e) {
            throw new IOException("a frame on the encrypted lane does not authenticate: altered, out of order, or not "
                    + "from this world's endpoint", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("opening a frame failed: " + e, e);
        } finally {
            plain.flip();
        }
    }

    private static byte[] nonce(long counter) {
        return ByteBuffer.allocate(12).putInt(0).putLong(counter).array();
    }

    private static byte[] length(int n) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(n).array();
    }
}
