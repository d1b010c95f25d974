package org.mpionspark.bridge.rendezvous;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One connection's encryption, when {@code spark.network.crypto.enabled} asks for it (the lanes
 * between JVMs, a rank's control link to the driver): what is written goes in frames, each its
 * length then its bytes under AES-GCM with the length as associated data, a key per direction that
 * never crosses the wire and a counter as the nonce. A frame altered, dropped, replayed or sealed
 * with another key does not open, and the connection fails saying so.
 */
public final class Seal {

    /** Length, then the GCM tag after the bytes. */
    public static final int OVERHEAD = Integer.BYTES + 16;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sendKey;
    private final SecretKeySpec receiveKey;
    private final int maxFrame;
    private final Cipher sealing;
    private final Cipher opening;
    private long sent;
    private long received;

    /** Seals with {@code sendKey} and opens with {@code receiveKey} (AES, 32 bytes each) frames of at most {@code maxFrame} bytes. */
    public Seal(byte[] sendKey, byte[] receiveKey, int maxFrame) {
        this.sendKey = new SecretKeySpec(sendKey, "AES");
        this.receiveKey = new SecretKeySpec(receiveKey, "AES");
        this.maxFrame = maxFrame;
        try {
            this.sealing = Cipher.getInstance("AES/GCM/NoPadding");
            this.opening = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is missing from this JVM", e);
        }
    }

    /** HMAC-SHA256 of {@code data} under {@code key}: the proofs and the keys drawn from a secret. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The most bytes one frame carries. */
    public int maxFrame() {
        return maxFrame;
    }

    /** Seals {@code plain}'s remaining bytes (at most {@link #maxFrame}) as one frame at {@code frame}'s position; one writer at a time. */
    public void seal(ByteBuffer plain, ByteBuffer frame) throws IOException {
        int n = plain.remaining();
        if (n > maxFrame) {
            throw new IOException("a frame of " + n + " bytes, over the " + maxFrame + " a frame carries");
        }
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
     * One reader at a time.
     *
     * @throws IOException if the frame does not authenticate, or {@code plain} has no room for it
     */
    public boolean open(ByteBuffer sealed, ByteBuffer plain) throws IOException {
        if (sealed.remaining() < Integer.BYTES) {
            return false;
        }
        int n = sealed.getInt(sealed.position());
        if (n < 0 || n > maxFrame) {
            throw new IOException("a frame of " + n + " bytes on an encrypted connection: not one of its frames");
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
            throw new IOException("a frame on the encrypted connection does not authenticate: altered, out of order, "
                    + "or not sealed with this world's key", e);
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
