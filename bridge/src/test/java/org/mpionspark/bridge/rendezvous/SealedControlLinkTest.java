package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rank's control link to the driver, encrypted where {@code spark.network.crypto.enabled} asks:
 * what crosses is read back whole, the bytes on the wire show none of it, and a rank without the
 * application's secret, or with another, cannot join.
 */
@Timeout(60)
class SealedControlLinkTest {

    private static final byte[] SECRET = "the application's secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONCE = new byte[SealedStreams.NONCE_BYTES];

    @Test
    void whatIsWrittenIsReadBackWholeAndTheWireShowsNoneOfIt() throws IOException {
        Seal driver = SealedStreams.controlLink(SECRET, "registration", "world", 3, NONCE, true);
        Seal rank = SealedStreams.controlLink(SECRET, "registration", "world", 3, NONCE, false);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(SealedStreams.sealing(wire, rank));
        String error = "java.lang.IllegalStateException: the user's data, 42 rows";
        byte[] big = new byte[3 * SealedStreams.MAX_FRAME + 17]; // several frames for one write
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        out.writeByte(Wire.FAILED);
        out.writeUTF(error);
        out.flush();
        out.write(big);
        out.writeInt(-5);
        out.flush();

        byte[] sent = wire.toByteArray();
        assertFalse(new String(sent, StandardCharsets.ISO_8859_1).contains("the user's data"), "the error crossed in the clear");
        DataInputStream in = new DataInputStream(SealedStreams.opening(new ByteArrayInputStream(sent), driver));
        assertEquals(Wire.FAILED, in.readByte());
        assertEquals(error, in.readUTF());
        assertArrayEquals(big, in.readNBytes(big.length));
        assertEquals(-5, in.readInt());
        assertEquals(-1, in.read(), "the end of the stream, between frames");

        byte[] altered = sent.clone();
        altered[10] ^= 1;
        DataInputStream tampered = new DataInputStream(SealedStreams.opening(new ByteArrayInputStream(altered),
                SealedStreams.controlLink(SECRET, "registration", "world", 3, NONCE, true)));
        IOException e = assertThrows(IOException.class, tampered::readByte);
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());

        DataInputStream otherRank = new DataInputStream(SealedStreams.opening(new ByteArrayInputStream(sent),
                SealedStreams.controlLink(SECRET, "registration", "world", 4, NONCE, true)));
        assertThrows(IOException.class, otherRank::readByte, "a rank's link opens with that rank's keys only");
    }

    /** A session's rank polls its socket with a short timeout: a read cut by one keeps its place in the frame. */
    @Test
    void aReadThatTimesOutInTheMiddleOfAFrameGoesOnWhereItStopped() throws IOException {
        byte[] nonce = SealedStreams.nonce();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(SealedStreams.sealing(wire,
                SealedStreams.seal(SECRET, "session cells", "4040\0" + 1, nonce, false)));
        out.writeUTF("a cell's value");
        out.writeLong(42);
        out.flush();
        byte[] sent = wire.toByteArray();
        java.io.InputStream stalling = new java.io.InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == 2 || at == 9) { // inside the length, then inside the bytes
                    at++;
                    throw new java.net.SocketTimeoutException("Read timed out");
                }
                if (at >= sent.length + 2) {
                    return -1;
                }
                int from = at > 9 ? at - 2 : at > 2 ? at - 1 : at;
                if (from >= sent.length) {
                    return -1;
                }
                b[off] = sent[from];
                at++;
                return 1;
            }
        };
        DataInputStream in = new DataInputStream(SealedStreams.opening(stalling,
                SealedStreams.seal(SECRET, "session cells", "4040\0" + 1, nonce, true)));
        int timeouts = 0;
        String value = null;
        while (value == null) {
            try {
                value = in.readUTF();
            } catch (java.net.SocketTimeoutException e) {
                timeouts++;
            }
        }
        assertEquals(2, timeouts);
        assertEquals("a cell's value", value);
        assertEquals(42, in.readLong());
    }

    @Test
    void ranksWithTheSecretJoinAndTalkOverTheSealedLink() throws Exception {
        ExecutorService ranks = Executors.newFixedThreadPool(2);
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            Registration reg = server.register(2, 20_000, 0, SECRET);
            WorldTicket ticket = reg.ticket();
            assertTrue(ticket.sealed());
            Future<List<Peer>> zero = ranks.submit(() -> {
                ControlLink link = ControlLink.join(ticket, "w", 0, "jvm-0", SECRET);
                link.reportFailure("rank 0's own words", new IllegalStateException("rank 0's own words"));
                return link.peers();
            });
            ControlLink one = ControlLink.join(ticket, "w", 1, "jvm-1", SECRET);
            assertEquals(List.of("jvm-0", "jvm-1"), one.peers().stream().map(Peer::jvm).toList());
            assertEquals(List.of("jvm-0", "jvm-1"), zero.get(30, TimeUnit.SECONDS).stream().map(Peer::jvm).toList());
            WorldFailure f = reg.awaitFailure(10_000).orElseThrow();
            assertEquals(0, f.rank());
            assertTrue(f.message().contains("rank 0's own words"), f.message());
            one.close();
        } finally {
            ranks.shutdownNow();
        }
    }

    @Test
    void aRankWithoutTheSecretOrWithAnotherCannotJoin() throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            WorldTicket ticket = server.register(2, 20_000, 0, SECRET).ticket();
            RendezvousException none = assertThrows(RendezvousException.class,
                    () -> ControlLink.join(ticket, "w", 0, "jvm-0", null));
            assertTrue(none.getMessage().contains("encrypts its control links (spark.network.crypto.enabled) with the "
                    + "application's secret, but this executor has none"), none.getMessage());

            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<ControlLink> genuine = pool.submit(() -> ControlLink.join(ticket, "w", 0, "jvm-0", SECRET));
                RendezvousException wrong = assertThrows(RendezvousException.class, () -> ControlLink.join(ticket, "w", 1,
                        "jvm-1", "another application's secret".getBytes(StandardCharsets.UTF_8)));
                assertTrue(wrong.getMessage().contains("does not authenticate"), wrong.getMessage());
                genuine.get(30, TimeUnit.SECONDS).close();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
