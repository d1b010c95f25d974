package org.mpionspark.bridge.dataport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;


/**
 * The data ports' handshake. The connecting endpoint says who it is and whom it addresses, with a
 * fresh nonce, under an HMAC of the world's key; the listening endpoint answers with its own HMAC
 * of the same fields. A connection without the key, or replayed to another port, proves nothing.
 */
final class DataHandshake {

    /** "MOSD": mpi-on-spark data. */
    static final int MAGIC = 0x4D4F5344;
    static final int VERSION = 1;
    static final int NONCE_BYTES = 16;
    static final int MAC_BYTES = 32;
    /** magic, version, connector, acceptor, port, nonce, mac. */
    static final int HELLO_BYTES = 5 * Integer.BYTES + NONCE_BYTES + MAC_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOT_GENUINE =
            "its proof does not match this world's key (not an endpoint of this world)";

    /** What a connecting endpoint says: it is endpoint {@code connector}, calling {@code acceptor} at {@code port}. */
    record Hello(int connector, int acceptor, int port, byte[] nonce, byte[] mac) {
    }

    private DataHandshake() {
    }

    /**
     * The key of one world's data ports, from its registration's secret and the world's name, and
     * the application's secret where Spark has one ({@code spark.authenticate}), else {@code null}.
     */
    static byte[] key(byte[] secret, String world, byte[] applicationSecret) {
        byte[] key = hmac(secret, ("mpi-on-spark data ports\0" + world).getBytes(StandardCharsets.UTF_8));
        return applicationSecret == null ? key : hmac(applicationSecret, key);
    }

    /** A hello of endpoint {@code connector} to {@code acceptor}'s data port {@code port}, with a fresh nonce. */
    static Hello hello(byte[] key, int connector, int acceptor, int port) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new Hello(connector, acceptor, port, nonce, mac(key, "connect", connector, acceptor, port, nonce));
    }

    static byte[] encode(Hello h) {
        return ByteBuffer.allocate(HELLO_BYTES).putInt(MAGIC).putInt(VERSION).putInt(h.connector()).putInt(h.acceptor())
                .putInt(h.port()).put(h.nonce()).put(h.mac()).array();
    }

    /** The hello in the first {@code length} bytes of {@code buf}; null while incomplete. */
    static Hello parse(byte[] buf, int length) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(buf, 0, length);
        if (length >= Integer.BYTES && in.getInt(0) != MAGIC) {
            throw new ProtocolException("not an mpi-on-spark data connection");
        }
        if (length < HELLO_BYTES) {
            return null;
        }
        in.getInt();
        int version = in.getInt();
        if (version != VERSION) {
            throw new ProtocolException("data-port handshake version " + version + ", expected " + VERSION
                    + " (executors on another version of mpi-on-spark?)");
        }
        int connector = in.getInt();
        int acceptor = in.getInt();
        int port = in.getInt();
        byte[] nonce = new byte[NONCE_BYTES];
        byte[] mac = new byte[MAC_BYTES];
        in.get(nonce).get(mac);
        return new Hello(connector, acceptor, port, nonce, mac);
    }

    /**
     * The connecting side, on {@code s} just connected to endpoint {@code acceptor} ({@code to}):
     * says hello as endpoint {@code connector} and checks the answer, within {@code timeoutMillis}.
     *
     * @throws DataPortException if the other side refuses, does not answer in time, or lacks the key
     */
    static void greet(Socket s, byte[] key, int connector, int acceptor, String label, String to, long timeoutMillis) {
        Hello hello = hello(key, connector, acceptor, s.getPort());
        try {
            s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            OutputStream out = s.getOutputStream();
            out.write(encode(hello));
            out.flush();
            byte[] answer = s.getInputStream().readNBytes(MAC_BYTES);
            if (answer.length < MAC_BYTES) {
                throw new DataPortException(refusedBy(label, acceptor, to));
            }
            if (!answered(key, hello, answer)) {
                throw new DataPortException(notKeyed(label, acceptor, to));
            }
            s.setSoTimeout(0);
        } catch (SocketTimeoutException e) {
            throw new DataPortException(label + ": endpoint " + acceptor + " at " + to + " did not answer the data-port "
                    + "handshake in time", e);
        } catch (IOException e) {
            throw new DataPortException(label + ": the data-port handshake with endpoint " + acceptor + " at " + to
                    + " failed: " + e, e);
        }
    }

    /** The connecting side's error where endpoint {@code acceptor} at {@code to} closed without answering. */
    static String refusedBy(String label, int acceptor, String to) {
        return label + ": endpoint " + acceptor + " at " + to + " refused the data-port handshake (does it belong to "
                + "this world? see its log)";
    }

    /** The connecting side's error where the answer from {@code to} does not prove this world's key. */
    static String notKeyed(String label, int acceptor, String to) {
        return label + ": " + to + " answered the data-port handshake without this world's key: it is not endpoint "
                + acceptor + " of this world";
    }

    /** The hello in the first {@code length} bytes of {@code buf}, and what follows it, as a handshake selector reads it; null while incomplete. */
    static org.mpionspark.bridge.rendezvous.HandshakeSelector.Handshake<Hello> handshake(byte[] buf, int length)
            throws ProtocolException {
        Hello h = parse(buf, length);
        if (h == null) {
            return null;
        }
        byte[] rest = new byte[length - HELLO_BYTES];
        System.arraycopy(buf, HELLO_BYTES, rest, 0, rest.length);
        return new org.mpionspark.bridge.rendezvous.HandshakeSelector.Handshake<>(h, rest);
    }

    /**
     * Why listening endpoint {@code index} of {@code size} refuses hello {@code h} at its port
     * {@code port}; null if it admits it, which {@code connected} then records: each endpoint after
     * it in the world, with the world's key, once (a replay is refused).
     */
    static String refusal(byte[] key, Hello h, int index, int size, int port, java.util.Set<Integer> connected) {
        if (!genuine(key, h)) {
            return NOT_GENUINE;
        }
        String why = misplaced(h, index, size);
        return why != null ? why : once(h, port, connected);
    }

    /**
     * Why a listening endpoint whose place in the world is not known yet refuses hello {@code h}
     * at its port {@code port}; null if it admits it, which {@code connected} then records: made
     * with the world's key, for this port, once. Its place is checked later ({@link #misplaced}).
     */
    static String refusal(byte[] key, Hello h, int port, java.util.Set<Integer> connected) {
        return genuine(key, h) ? once(h, port, connected) : NOT_GENUINE;
    }

    /** Why a genuine {@code h} is refused at {@code port}: meant for another, or its endpoint connected already. */
    private static String once(Hello h, int port, java.util.Set<Integer> connected) {
        if (h.port() != port) {
            return "it was meant for endpoint " + h.acceptor() + "'s port " + h.port();
        }
        if (!connected.add(h.connector())) {
            return "endpoint " + h.connector() + " has connected to this port already";
        }
        return null;
    }

    /** Why endpoint {@code index} of {@code size} is not the one {@code h} calls, or not by one after it; else null. */
    static String misplaced(Hello h, int index, int size) {
        if (h.acceptor() != index) {
            return "it was meant for endpoint " + h.acceptor() + "'s port " + h.port();
        }
        if (h.connector() <= index || h.connector() >= size) {
            return "endpoint " + h.connector() + " is not one that connects to endpoint " + index + " of " + size;
        }
        return null;
    }

    /** The listening side of an admitted hello: its answer, on {@code channel}; bytes after the hello are refused. */
    static void answer(java.nio.channels.SocketChannel channel, byte[] key, Hello h, byte[] leftover)
            throws IOException {
        if (leftover.length > 0) { // an endpoint waits for the answer before it sends anything else
            throw new ProtocolException("bytes after the handshake");
        }
        ByteBuffer answer = ByteBuffer.wrap(answer(key, h));
        while (answer.hasRemaining()) {
            channel.write(answer);
        }
    }

    /** Whether {@code h} was made with {@code key}. */
    static boolean genuine(byte[] key, Hello h) {
        return MessageDigest.isEqual(h.mac(), mac(key, "connect", h.connector(), h.acceptor(), h.port(), h.nonce()));
    }

    /** The listening endpoint's answer to {@code h}: proof that it holds the key too. */
    static byte[] answer(byte[] key, Hello h) {
        return mac(key, "accept", h.connector(), h.acceptor(), h.port(), h.nonce());
    }

    /** Whether {@code answer} is the listening endpoint's proof for {@code h}. */
    static boolean answered(byte[] key, Hello h, byte[] answer) {
        return MessageDigest.isEqual(answer, answer(key, h));
    }

    /** The key that seals what endpoint {@code from} sends to endpoint {@code to} on their lane, from the world's key. */
    static byte[] sealingKey(byte[] key, int from, int to) {
        byte[] purpose = "seal".getBytes(StandardCharsets.US_ASCII);
        return hmac(key, ByteBuffer.allocate(purpose.length + 2 * Integer.BYTES).put(purpose).putInt(from).putInt(to)
                .array());
    }

    private static byte[] mac(byte[] key, String purpose, int connector, int acceptor, int port, byte[] nonce) {
        byte[] p = purpose.getBytes(StandardCharsets.US_ASCII);
        return hmac(key, ByteBuffer.allocate(p.length + 3 * Integer.BYTES + nonce.length)
                .put(p).putInt(connector).putInt(acceptor).putInt(port).put(nonce).array());
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return org.mpionspark.bridge.rendezvous.Seal.hmac(key, data);
    }
}
