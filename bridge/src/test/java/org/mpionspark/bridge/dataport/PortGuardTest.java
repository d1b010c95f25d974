package org.mpionspark.bridge.dataport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rendezvous.EndpointAddress;

/**
 * One data port of endpoint 0 of a 2-endpoint world, driven as MPJ's niodev drives it: strangers
 * and endpoints of other worlds are refused and never reach MPJ's listener; endpoint 1 of the
 * same world is handed over, and both sides proved they hold the world's key.
 */
@Timeout(60)
class PortGuardTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] SECRET = "the registration's secret".getBytes(StandardCharsets.UTF_8);

    private final ThreadGroup group = new ThreadGroup("port guard test");
    private PortGuard acceptor;
    private ServerSocketChannel mpj;
    private InetSocketAddress port;
    private List<EndpointAddress> table;

    @BeforeEach
    void listen() throws IOException {
        acceptor = guard("reg/world", 0);
        mpj = ServerSocketChannel.open(); // MPJ's listener, as niodev makes it
        mpj.configureBlocking(false);
        int p = freePort();
        acceptor.bind(mpj.socket(), new InetSocketAddress(p));
        port = new InetSocketAddress("127.0.0.1", p);
        table = List.of(new EndpointAddress("127.0.0.1", p, freePort(), 0), new EndpointAddress("127.0.0.1", 1, 2, 0));
    }

    @AfterEach
    void close() throws IOException {
        acceptor.close();
        mpj.close();
    }

    @Test
    void theWorldsNextEndpointIsHandedToMpjThroughTheListenerMpjBelievesItsOwn() throws IOException {
        assertEquals(port.getPort(), acceptor.localPort(mpj.socket()), "niodev tells its listeners apart by this port");
        assertTrue(PortGuard.listening().contains(new InetSocketAddress(LOOPBACK, port.getPort())));
        assertFalse(acceptor.localPort(mpj.socket()) == mpj.socket().getLocalPort(), "MPJ's own listener moved away");
        try (PortGuard connector = guard("reg/world", 1); SocketChannel c = SocketChannel.open()) {
            connector.endpoints(table);
            assertTrue(connector.connect(c, port));
            try (SocketChannel taken = acceptor.accept(mpj)) {
                assertEquals(c.getLocalAddress(), taken.getRemoteAddress(), "the very connection endpoint 1 made");
                c.write(ByteBuffer.wrap(new byte[] {42}));
                ByteBuffer one = ByteBuffer.allocate(1);
                taken.read(one);
                assertEquals(42, one.get(0), "MPJ's first byte is the connector's first after the handshake");
            }
        }
        assertEquals(0, acceptor.refusals().refused());
        acceptor.close();
        assertFalse(PortGuard.listening().contains(new InetSocketAddress(LOOPBACK, port.getPort())));
    }

    @Test
    void anEndpointOfAnotherWorldIsRefusedAndToldSo() throws IOException {
        try (PortGuard other = guard("reg/another-world", 1); SocketChannel c = SocketChannel.open()) {
            other.endpoints(table);
            DataPortException e = assertThrows(DataPortException.class, () -> other.connect(c, port));
            assertTrue(e.getMessage().contains("endpoint 0 at") && e.getMessage().contains("refused the data-port handshake"),
                    e.getMessage());
        }
        assertEquals(1, acceptor.refusals().refused());
        assertNull(mpj.accept(), "nothing reached MPJ's listener");
    }

    @Test
    void withSparksAuthenticationTheApplicationsSecretIsPartOfTheKey() throws IOException {
        byte[] app = "spark.authenticate.secret".getBytes(StandardCharsets.UTF_8);
        byte[] otherApp = "another application".getBytes(StandardCharsets.UTF_8);
        try (PortGuard keyed = new PortGuard("endpoint 0 of 2", group, LOOPBACK, PortGuard.worldKey(SECRET, "reg/world", app),
                0, 2, 20_000);
             ServerSocketChannel listener = ServerSocketChannel.open();
             PortGuard sameJobOtherApp = new PortGuard("endpoint 1 of 2", group, LOOPBACK,
                     PortGuard.worldKey(SECRET, "reg/world", otherApp), 1, 2, 20_000);
             PortGuard sameApp = new PortGuard("endpoint 1 of 2", group, LOOPBACK,
                     PortGuard.worldKey(SECRET, "reg/world", app), 1, 2, 20_000);
             SocketChannel refused = SocketChannel.open();
             SocketChannel admitted = SocketChannel.open()) {
            listener.configureBlocking(false);
            int p = freePort();
            keyed.bind(listener.socket(), new InetSocketAddress(p));
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", p);
            List<EndpointAddress> endpoints = List.of(new EndpointAddress("127.0.0.1", p, freePort(), 0), table.get(1));
            sameJobOtherApp.endpoints(endpoints);
            sameApp.endpoints(endpoints);
            assertThrows(DataPortException.class, () -> sameJobOtherApp.connect(refused, to));
            assertTrue(sameApp.connect(admitted, to));
            assertEquals(admitted.getLocalAddress(), keyed.accept(listener).getRemoteAddress());
            assertEquals(1, keyed.refusals().refused());
        }
    }

    @Test
    void junkForgedHellosAndAReplayAreRefusedWithoutAByteAndNeverReachMpj() throws IOException {
        byte[] key = PortGuard.worldKey(SECRET, "reg/world", null);
        DataHandshake.Hello genuine = DataHandshake.hello(key, 1, 0, port.getPort());
        ByteBuffer forged = ByteBuffer.wrap(DataHandshake.encode(genuine));
        forged.put(DataHandshake.HELLO_BYTES - 1, (byte) (forged.get(DataHandshake.HELLO_BYTES - 1) ^ 1));
        List<byte[]> hostile = List.of(
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7}, // niodev's own start-up frame: a rank and a UUID
                forged.array(),
                DataHandshake.encode(DataHandshake.hello(key, 0, 0, port.getPort())), // endpoint 0 calling itself
                DataHandshake.encode(DataHandshake.hello(key, 1, 0, port.getPort() + 1)), // meant for another port
                DataHandshake.encode(DataHandshake.hello(key, 2, 0, port.getPort()))); // no endpoint 2 in a world of 2
        for (byte[] bytes : hostile) {
            try (Socket s = new Socket(port.getAddress(), port.getPort())) {
                s.getOutputStream().write(bytes);
                assertEquals(-1, s.getInputStream().read(), "refused without a byte");
            }
        }
        assertEquals(hostile.size(), acceptor.refusals().refused());
        assertNull(mpj.accept(), "nothing reached MPJ's listener");

        byte[] once = DataHandshake.encode(genuine);
        try (Socket first = new Socket(port.getAddress(), port.getPort());
             Socket replay = new Socket(port.getAddress(), port.getPort())) {
            first.getOutputStream().write(once);
            assertArrayEquals(DataHandshake.answer(key, genuine), first.getInputStream().readNBytes(DataHandshake.MAC_BYTES));
            replay.getOutputStream().write(once);
            InputStream in = replay.getInputStream();
            assertEquals(-1, in.read(), "the same hello again is refused: endpoint 1 has connected already");
            try (SocketChannel taken = acceptor.accept(mpj)) {
                assertEquals(first.getLocalSocketAddress(), taken.getRemoteAddress());
            }
        }
        assertEquals(hostile.size() + 1, acceptor.refusals().refused());
    }

    @Test
    void aSilentConnectionHoldsNobodyUpAndIsClosedWithThePort() throws IOException {
        try (Socket silent = new Socket(port.getAddress(), port.getPort());
             PortGuard connector = guard("reg/world", 1); SocketChannel c = SocketChannel.open()) {
            connector.endpoints(table);
            assertTrue(connector.connect(c, port));
            acceptor.accept(mpj).close();
            acceptor.close(); // MPJ has started: the port takes nothing more
            assertEquals(-1, silent.getInputStream().read());
        }
        try (Socket late = new Socket()) {
            assertThrows(IOException.class, () -> late.connect(port, 2_000), "closed once the world started");
        }
    }

    @Test
    void mpjConnectingToAnAddressOutsideTheTableFailsClearly() throws IOException {
        try (PortGuard connector = guard("reg/world", 1); SocketChannel c = SocketChannel.open()) {
            connector.endpoints(table);
            DataPortException e = assertThrows(DataPortException.class,
                    () -> connector.connect(c, new InetSocketAddress("127.0.0.1", 9)));
            assertEquals("endpoint 1 of 2: MPJ Express connects to 127.0.0.1:9, which is no endpoint of this world",
                    e.getMessage());
        }
    }

    private PortGuard guard(String world, int index) {
        return new PortGuard("endpoint " + index + " of 2", group, LOOPBACK, PortGuard.worldKey(SECRET, world, null), index,
                2, 20_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }
}
