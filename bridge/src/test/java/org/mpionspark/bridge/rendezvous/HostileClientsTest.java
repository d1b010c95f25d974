package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port scans, silent and slow clients cost the driver neither a thread each nor a log line each,
 * never hold it past the handshake deadline, and do not keep real ranks out.
 */
@Timeout(60)
class HostileClientsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aSlowLorisClientIsCutAtTheHandshakeDeadline() throws Exception {
        try (RendezvousServer server = new RendezvousServer(LOOPBACK, "127.0.0.1", 1_500);
             Socket s = connect(server)) {
            byte[] hello = hello(server.register(2, 5_000).ticket(), 0);
            AtomicInteger sent = new AtomicInteger();
            OutputStream out = s.getOutputStream();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        out.write(hello[sent.get()]); // one byte a second: each in time for any per-read timeout
                        out.flush();
                        sent.incrementAndGet();
                    } catch (IOException cut) {
                        throw new IllegalStateException(cut); // ends the schedule
                    }
                }, 0, 1, TimeUnit.SECONDS);
                assertEquals("handshake not complete within 1500 ms", refusal(s));
                assertEquals(-1, s.getInputStream().read(), "then the server closes the connection");
            } finally {
                trickle.shutdownNow();
            }
            assertTrue(sent.get() < hello.length, "cut after " + sent.get() + " of " + hello.length + " bytes");
            assertTrue(waitUntil(() -> server.pendingHandshakes() == 0, 10));
            assertEquals(1, server.registrationCount(), "the registration itself is untouched");
        }
    }

    @Test
    void silentConnectionsDoNotCostAThreadEach() throws Exception {
        try (RendezvousServer server = new RendezvousServer(LOOPBACK, "127.0.0.1")) {
            long before = rendezvousThreads();
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    silent.add(connect(server));
                }
                assertTrue(waitUntil(() -> server.pendingHandshakes() == 200, 20),
                        "handshakes under way: " + server.pendingHandshakes());
                assertTrue(rendezvousThreads() <= before, "rendezvous threads went from " + before + " to "
                        + rendezvousThreads() + " for 200 silent connections");
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
            assertTrue(waitUntil(() -> server.pendingHandshakes() == 0, 20));
            assertEquals(200, server.refusals().refused(), "each one that hung up is counted as refused");
        }
    }

    @Test
    void fiveHundredJunkConnectionsCostAFewLogLines() throws Exception {
        try (RendezvousServer server = new RendezvousServer(LOOPBACK, "127.0.0.1")) {
            byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 500; i++) {
                try (Socket s = connect(server)) {
                    if (i % 2 == 0) {
                        s.getOutputStream().write(http);
                        assertEquals("not an mpi-on-spark rank (bad magic)", refusal(s));
                    } // the odd ones connect and hang up at once, like a port scan
                }
            }
            assertTrue(waitUntil(() -> server.refusals().refused() == 500, 20),
                    "refused: " + server.refusals().refused());
            // the first refusal in full; a summary line only once a minute is over
            long lines = server.refusals().lines();
            assertTrue(lines >= 1 && lines <= 2, "log lines: " + lines);
        }
    }

    @Test
    void ranksAreAdmittedWhileJunkConnectionsAreOpen() throws Exception {
        try (RendezvousServer server = new RendezvousServer(LOOPBACK, "127.0.0.1")) {
            WorldTicket ticket = server.register(3, 20_000).ticket();
            List<Socket> junk = new ArrayList<>();
            ExecutorService ranks = Executors.newFixedThreadPool(3);
            try {
                for (int i = 0; i < 100; i++) {
                    junk.add(connect(server)); // silent
                    Socket partial = connect(server);
                    partial.getOutputStream().write(hello(ticket, 1), 0, 20); // a handshake begun, never ended
                    junk.add(partial);
                }
                List<Future<List<Peer>>> joined = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    int rank = r;
                    joined.add(ranks.submit(() -> {
                        ControlLink link = ControlLink.join(ticket, "w", rank, "jvm-" + rank);
                        link.done();
                        return link.peers();
                    }));
                }
                for (Future<List<Peer>> f : joined) {
                    List<Peer> peers = f.get(30, TimeUnit.SECONDS);
                    assertEquals(List.of("jvm-0", "jvm-1", "jvm-2"), peers.stream().map(Peer::jvm).toList());
                    assertEquals(Collections.nCopies(3, "127.0.0.1"), peers.stream().map(Peer::host).toList());
                }
                assertTrue(waitUntil(() -> server.pendingHandshakes() == 200, 10),
                        "the junk still waits for its deadline: " + server.pendingHandshakes());
            } finally {
                ranks.shutdownNow();
                for (Socket s : junk) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aMalformedHandshakeIsRefusedWithItsReason() throws Exception {
        try (RendezvousServer server = new RendezvousServer(LOOPBACK, "127.0.0.1")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(Wire.MAGIC);
            out.writeInt(99);
            assertEquals("rendezvous protocol version 99, but the driver speaks " + Wire.VERSION
                    + " (mixed mpi-on-spark versions?)", refusalOf(server, bytes.toByteArray()));

            bytes.reset();
            out.writeInt(Wire.MAGIC);
            out.writeInt(Wire.VERSION);
            out.writeUTF("some-registration");
            out.writeInt(Integer.MAX_VALUE); // a secret of 2 GB
            assertEquals("bad secret length 2147483647", refusalOf(server, bytes.toByteArray()));

            WorldTicket good = server.register(1, 5_000).ticket();
            WorldTicket forged = new WorldTicket(good.host(), good.port(), good.registrationId(), new byte[32], 1, 5_000);
            assertEquals("unknown registration or wrong secret", refusalOf(server, hello(forged, 0)));
            assertEquals(3, server.refusals().refused());
            // the genuine ticket still works
            ControlLink link = ControlLink.join(good, "w", 0, "jvm");
            assertEquals(1, link.peers().size());
            link.done();
        }
    }

    @Test
    void theServerListensOnlyOnItsBindAddress() throws Exception {
        InetAddress bind = InetAddress.getByName("127.0.0.1");
        try (RendezvousServer server = new RendezvousServer(bind, "127.0.0.1")) {
            assertEquals(new InetSocketAddress(bind, server.port()), server.address());
            for (InetAddress other : otherLocalAddresses()) {
                assertThrows(IOException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, server.port()), 2_000);
                    }
                }, "a connection to " + other + ":" + server.port());
            }
        }
        assertThrows(NullPointerException.class, () -> new RendezvousServer(null, "127.0.0.1"));
    }

    /** Addresses of this machine other than 127.0.0.1: 127.0.0.2 (also local on Linux) and its interfaces'. */
    private static List<InetAddress> otherLocalAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        out.add(InetAddress.getByName("127.0.0.2"));
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String refusalOf(RendezvousServer server, byte[] handshake) throws IOException {
        try (Socket s = connect(server)) {
            s.getOutputStream().write(handshake);
            return refusal(s);
        }
    }

    /** The reason of the REFUSED message the server sends. */
    private static String refusal(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        assertEquals(Wire.REFUSED, in.readByte());
        return in.readUTF();
    }

    private static Socket connect(RendezvousServer server) throws IOException {
        Socket s = new Socket();
        s.connect(server.address(), 10_000);
        s.setSoTimeout(20_000);
        return s;
    }

    /** The handshake {@link ControlLink#join} sends. */
    private static byte[] hello(WorldTicket t, int rank) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Wire.MAGIC);
        out.writeInt(Wire.VERSION);
        out.writeUTF(t.registrationId());
        Wire.writeBlob(out, t.secret());
        out.writeUTF("w");
        out.writeInt(rank);
        out.writeInt(t.size());
        out.writeInt(1);
        out.writeUTF("jvm");
        out.writeUTF(""); // its machine, unknown
        out.writeInt(0);
        out.writeInt(0); // no lane port
        return bytes.toByteArray();
    }

    private static long rendezvousThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("mpi-rendezvous-")).count();
    }

    /** Whether {@code condition} held within {@code seconds}, checked every 20 ms. */
    private static boolean waitUntil(BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        return true;
    }
}
