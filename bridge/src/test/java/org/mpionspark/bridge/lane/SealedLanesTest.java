package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rendezvous.Seal;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;

/** Encrypted lanes ({@code spark.network.crypto.enabled}): what crosses arrives whole, the wire shows none of it, and a frame altered fails the lane. */
@Timeout(60)
class SealedLanesTest {

    private static final byte[] WORLD_KEY = "the world's data-port key, 32 b".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARK = "plaintext that must not cross".getBytes(StandardCharsets.US_ASCII);

    @Test
    void messagesOfEverySizeCrossWhole() throws Exception {
        Recorder arrived = new Recorder();
        try (LanePair pair = new LanePair(starter(), starter(), WORLD_KEY, arrived)) {
            int[] sizes = {0, 1, 1_000, Lane.CHUNK_BYTES - Lane.HEADER_BYTES, Lane.CHUNK_BYTES,
                    Lane.CHUNK_BYTES + 1, 3 * Lane.CHUNK_BYTES + 5};
            for (int i = 0; i < sizes.length; i++) {
                pair.zero.send(0, 0, ArrayKind.BYTE, pattern(sizes[i], i), 0, sizes[i], 1, i);
            }
            double[] doubles = new double[100_003];
            Arrays.setAll(doubles, k -> k * 0.5);
            pair.zero.send(0, 0, ArrayKind.DOUBLE, doubles, 0, doubles.length, 1, 100);
            for (int i = 0; i < 500; i++) { // many small frames: the counters stay in step
                pair.zero.send(0, 0, ArrayKind.INT, new int[] {i, -i}, 0, 2, 1, 1000 + i);
            }
            for (int i = 0; i < sizes.length; i++) {
                Message m = arrived.next();
                assertEquals(i, m.tag());
                assertArrayEquals(pattern(sizes[i], i), (byte[]) m.data(), "message of " + sizes[i] + " bytes");
            }
            assertArrayEquals(doubles, (double[]) arrived.next().data());
            for (int i = 0; i < 500; i++) {
                Message m = arrived.next();
                assertEquals(1000 + i, m.tag());
                assertArrayEquals(new int[] {i, -i}, (int[]) m.data());
            }
            pair.finish(); // the goodbyes cross sealed too
        }
    }

    @Test
    void theWireCarriesNoneOfTheMessage() throws Exception {
        byte[] message = repeated(MARK, 1_000);
        byte[] sealed = wireBytes(Lane.seal(WORLD_KEY, 0, 1), message);
        byte[] clear = wireBytes(null, message);
        assertTrue(contains(clear, MARK), "the probe sees a lane in the clear");
        assertFalse(contains(sealed, MARK), "the sealed lane's bytes show the message");
        assertEquals(clear.length + Seal.OVERHEAD, sealed.length, "one frame: its length and tag more");
    }

    @Test
    void aFrameAlteredReplayedOrFromAnotherWorldDoesNotAuthenticate() throws Exception {
        Seal sender = Lane.seal(WORLD_KEY, 0, 1);
        ByteBuffer first = frame(sender, MARK);
        ByteBuffer second = frame(sender, MARK);

        ByteBuffer altered = copy(first);
        altered.put(altered.limit() - 20, (byte) (altered.get(altered.limit() - 20) ^ 1));
        IOException e = assertThrows(IOException.class, () -> Lane.seal(WORLD_KEY, 1, 0).open(altered, plain()));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());

        Seal receiver = Lane.seal(WORLD_KEY, 1, 0);
        ByteBuffer in = plain();
        assertTrue(receiver.open(copy(first), in));
        assertEquals(new String(MARK, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII.decode(in).toString());
        assertThrows(IOException.class, () -> receiver.open(copy(first), plain()), "a replay");

        byte[] otherWorld = "another world's data-port key..".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class, () -> Lane.seal(otherWorld, 1, 0).open(copy(second), plain()));
        assertThrows(IOException.class, () -> Lane.seal(WORLD_KEY, 0, 1).open(copy(first), plain()),
                "the key of the other direction");

        ByteBuffer half = copy(first).limit(first.limit() - 1);
        assertFalse(Lane.seal(WORLD_KEY, 1, 0).open(half, plain()), "a frame not all in waits");
        ByteBuffer huge = ByteBuffer.allocate(8).putInt(Lane.CHUNK_BYTES + 1).putInt(0).flip();
        assertThrows(IOException.class, () -> Lane.seal(WORLD_KEY, 1, 0).open(huge, plain()));
    }

    @Test
    void aLaneWhoseFrameWasAlteredIsLostNamingWhy() throws Exception {
        Recorder arrived = new Recorder();
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel forger = SocketChannel.open(server.getLocalAddress())) {
            SocketChannel b = server.accept();
            LaneEndpoint one = new LaneEndpoint("endpoint 1 of 2 (test)",
                    new Lane[] {new Lane(0, "endpoint 0", b, Lane.seal(WORLD_KEY, 1, 0)), null},
                    new int[] {0, 1}, arrived, starter(), LanePair::daemon, 0);
            try {
                ByteBuffer wire = ByteBuffer.wrap(wireBytes(Lane.seal(WORLD_KEY, 0, 1), MARK));
                wire.put(wire.limit() - 1, (byte) (wire.get(wire.limit() - 1) ^ 1));
                while (wire.hasRemaining()) {
                    forger.write(wire);
                }
                String why = arrived.lost.poll(30, TimeUnit.SECONDS);
                assertNotNull(why, "the ranks were not told");
                assertTrue(why.contains("the lane from endpoint 0") && why.contains("does not authenticate"), why);
                assertTrue(arrived.messages.isEmpty(), "a forged message was delivered");
            } finally {
                one.kill();
            }
        }
    }

    private static FakeMpj.Starter starter() {
        return new FakeMpj.Starter(1, 2, false, 10_000);
    }

    /** The bytes a lane ({@code seal}: sealed, null: clear) puts on the wire for one byte message. */
    private static byte[] wireBytes(Seal seal, byte[] message) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel a = SocketChannel.open(server.getLocalAddress());
             SocketChannel b = server.accept()) {
            Lane lane = new Lane(1, "endpoint 1", a, seal);
            lane.send(0, 1, 0, 7, ArrayKind.BYTE, message, 0, message.length);
            a.shutdownOutput();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (b.read(buf.clear()) >= 0) {
                wire.write(buf.array(), 0, buf.position());
            }
            return wire.toByteArray();
        }
    }

    private static ByteBuffer frame(Seal seal, byte[] bytes) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(bytes.length + Seal.OVERHEAD);
        seal.seal(ByteBuffer.wrap(bytes), frame);
        return frame.flip();
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    /** A reader's buffer as the lanes keep one: read mode, empty. */
    private static ByteBuffer plain() {
        return ByteBuffer.allocate(2 * Lane.CHUNK_BYTES).limit(0);
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static byte[] repeated(byte[] unit, int times) {
        byte[] b = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, b, i * unit.length, unit.length);
        }
        return b;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    record Message(int source, int dest, int tag, Object data) {
    }

    /** Arrivals that keep every message once filled, and why the lanes were lost. */
    static final class Recorder implements Arrivals {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> lost = new LinkedBlockingQueue<>();

        @Override
        public Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data, int count,
                               boolean filled) {
            Message m = new Message(source, dest, tag, data);
            if (filled) {
                messages.add(m);
            }
            return new Arrival() {
                @Override
                public void filled() {
                    messages.add(m);
                }

                @Override
                public void failed(RuntimeException e) {
                    lost.add(String.valueOf(e.getMessage()));
                }
            };
        }

        @Override
        public void lost(String why) {
            lost.add(why);
        }

        Message next() throws InterruptedException {
            Message m = messages.poll(30, TimeUnit.SECONDS);
            assertNotNull(m, "a message did not arrive");
            return m;
        }
    }
}
