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
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lanes' port of endpoint 1 of a 4-endpoint world: it admits endpoints 2 and 3 once each, with
 * the world's key, and hands them over; a stranger, another world's endpoint, an endpoint that does
 * not call this one, and a second lane from the same endpoint are refused without a byte.
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
