package org.mpionspark.bridge.dataport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lanes' port of endpoint 1 of a 4-endpoint world: it admits endpoints 2 and 3 once each, with
 * the world's key, and hands them over; a stranger, another world's endpoint, an endpoint that does
 * not call this one, and a second lane from the same endpoint are refused without a byte; one
 * caller makes its lanes to every endpoint before it at once, and stops when told to.
 */
@Timeout(60)
class LanePortTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] KEY = PortGuard.worldKey("secret".getBytes(StandardCharsets.UTF_8), "reg/world", null);
    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "lane port test");
        t.setDaemon(true);
        return t;
    };

    private final List<Integer> admitted = new CopyOnWriteArrayList<>();
    private LanePort port;
    private InetSocketAddress address;

    @BeforeEach
    void listen() throws IOException {
        port = new LanePort("endpoint 1 of 4", DAEMONS, LOOPBACK, KEY, 1, 4, (channel, endpoint) -> {
            admitted.add(endpoint);
            try {
                channel.write(ByteBuffer.wrap(new byte[] {(byte) endpoint}));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        address = new InetSocketAddress(LOOPBACK, port.port());
    }

    @AfterEach
    void close() {
        port.close();
    }

    @Test
    void listensInMpjExpressRangeOnTheGivenAddressOnly() {
        assertTrue(port.port() >= 25_000 && port.port() <= 40_000, "port " + port.port());
        assertTrue(PortGuard.listening().contains(new InetSocketAddress(LOOPBACK, port.port())), "told to the strangers' tests");
    }

    @Test
    void theEndpointsAfterItAreAdmittedOnceEachAndTheirFirstByteIsTheLanes() throws IOException {
        try (SocketChannel two = LanePort.connect("endpoint 2", KEY, 2, 1, address, 5_000);
             SocketChannel three = LanePort.connect("endpoint 3", KEY, 3, 1, address, 5_000)) {
            assertEquals(2, readByte(two), "the admitted side wrote to endpoint 2 after the handshake");
            assertEquals(3, readByte(three));
            DataPortException again = assertThrows(DataPortException.class,
                    () -> LanePort.connect("endpoint 2 again", KEY, 2, 1, address, 5_000));
            assertTrue(again.getMessage().contains("refused the data-port handshake"), again.getMessage());
        }
        assertEquals(List.of(2, 3), admitted.stream().sorted().toList());
    }

    @Test
    void strangersOtherWorldsAndEndpointsThatDoNotCallHereAreRefusedWithoutAByte() throws IOException {
        byte[] otherWorld = PortGuard.worldKey("secret".getBytes(StandardCharsets.UTF_8), "reg/other", null);
        DataPortException e = assertThrows(DataPortException.class,
                () -> LanePort.connect("another world's endpoint 2", otherWorld, 2, 1, address, 5_000));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertThrows(DataPortException.class, () -> LanePort.connect("endpoint 0", KEY, 0, 1, address, 5_000),
                "endpoint 0 is called by endpoint 1, it does not call it");
        assertThrows(DataPortException.class, () -> LanePort.connect("endpoint 9", KEY, 9, 1, address, 5_000));
        for (byte[] junk : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[DataHandshake.HELLO_BYTES])) {
            try (Socket s = new Socket(LOOPBACK, port.port())) {
                s.setSoTimeout(5_000);
                OutputStream out = s.getOutputStream();
                out.write(junk);
                out.flush();
                InputStream in = s.getInputStream();
                assertEquals(-1, in.read(), "closed without a byte");
            }
        }
        assertEquals(List.of(), admitted);
    }

    @Test
    void oneThreadCallsEveryEndpointBeforeItAtOnce() throws IOException {
        List<Integer> zeroAdmitted = new CopyOnWriteArrayList<>();
        try (LanePort zero = new LanePort("endpoint 0 of 4", DAEMONS, LOOPBACK, KEY, 0, 4,
                (channel, endpoint) -> zeroAdmitted.add(endpoint))) {
            Map<Integer, SocketChannel> made = new ConcurrentHashMap<>();
            LanePort.connectAll("endpoint 2", KEY, 2, Map.of(0, new InetSocketAddress(LOOPBACK, zero.port()),
                    1, address), 5_000, () -> false, (channel, endpoint) -> made.put(endpoint, channel));
            assertEquals(Set.of(0, 1), made.keySet());
            made.get(1).configureBlocking(true);
            assertEquals(2, readByte(made.get(1)), "endpoint 1 admitted endpoint 2 and wrote on its lane");
            assertEquals(List.of(2), zeroAdmitted);
            assertEquals(List.of(2), admitted);
            for (SocketChannel c : made.values()) {
                c.close();
            }
        }
    }

    @Test
    void callingAPortNobodyListensOnNamesTheEndpointAndClosesTheOthers() throws IOException {
        InetSocketAddress closed;
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress(LOOPBACK, 0));
            closed = (InetSocketAddress) s.getLocalAddress();
        }
        List<Integer> made = new CopyOnWriteArrayList<>();
        DataPortException e = assertThrows(DataPortException.class, () -> LanePort.connectAll("endpoint 3", KEY, 3,
                Map.of(0, closed, 1, address), 5_000, () -> false, (channel, endpoint) -> made.add(endpoint)));
        assertTrue(e.getMessage().contains("could not reach the lane port of endpoint 0"), e.getMessage());
    }

    @Test
    void aCallerThatIsToldToStopReturnsAndClosesWhatIsUnderWay() throws IOException {
        try (ServerSocketChannel silent = ServerSocketChannel.open()) {
            silent.bind(new InetSocketAddress(LOOPBACK, 0)); // accepts in its backlog, never answers
            int[] looks = {0};
            List<Integer> made = new CopyOnWriteArrayList<>();
            LanePort.connectAll("endpoint 2", KEY, 2, Map.of(0, (InetSocketAddress) silent.getLocalAddress()),
                    60_000, () -> ++looks[0] > 3, (channel, endpoint) -> made.add(endpoint));
            assertEquals(List.of(), made, "nothing answered, nothing made");
            assertTrue(looks[0] > 3);
            RuntimeException stopped = assertThrows(IllegalStateException.class, () -> LanePort.connectAll("endpoint 2",
                    KEY, 2, Map.of(0, (InetSocketAddress) silent.getLocalAddress()), 60_000, () -> {
                        throw new IllegalStateException("aborted");
                    }, (channel, endpoint) -> made.add(endpoint)));
            assertEquals("aborted", stopped.getMessage(), "what the stop throws ends the calls");
        }
    }

    private static int readByte(SocketChannel c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                return -1;
            }
        }
        return b.get(0);
    }
}
