package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Op;

/**
 * While worlds of three JVMs start, a stranger connects to every data port the moment it listens:
 * junk, an HTTP request, MPJ Express's own start-up frame, a hello in the data ports' format with a
 * forged proof, and a connection that says nothing. Every world still computes the right values,
 * no stranger reads a byte, and the ports close once the world's endpoints have connected (by its end).
 */
@Timeout(180)
class HostileDataPortsTest {

    private static final List<byte[]> JUNK = List.of(
            "GET / HTTP/1.1\r\nHost: executor\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 9},
            forgedHello(),
            "\u0000\u0001junk".repeat(40).getBytes(StandardCharsets.UTF_8));

    @Test
    void strangersAtTheDataPortsWhileWorldsStartNeitherBreakThemNorReadAByte() throws Exception {
        Stranger stranger = new Stranger();
        Thread t = new Thread(stranger, "stranger at the data ports");
        t.setDaemon(true);
        t.start();
        try {
            for (int world = 0; world < 3; world++) {
                List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(6, 3, RankOptions.DEFAULTS, comm -> {
                    int r = comm.rank();
                    long[] sum = {r, 1};
                    comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, sum, Op.SUM);
                    int[] from = {-1};
                    comm.sendrecv(new int[] {r}, 0, 1, (r + 1) % 6, 7, from, 0, 1, (r + 5) % 6, 7);
                    return sum[0] + "/" + sum[1] + "/" + from[0];
                }));
                for (int r = 0; r < 6; r++) {
                    assertEquals("15/6/" + (r + 5) % 6, got.get(r), "rank " + r + " of world " + world);
                }
            }
        } finally {
            stranger.stop.set(true);
            t.join(30_000);
        }
        assertEquals(List.of(), stranger.problems, "what strangers got from a data port");
        assertTrue(stranger.landed > 0, "a stranger reached a port while it listened (the test raced nothing)");
        // MPJ Express connects beside the lanes, so its ports may outlive a short world by its start's end
        assertTrue(LoaderPool.awaitNoneClosing(30_000), "the worlds' endpoints closed");
        for (InetSocketAddress a : stranger.seen) {
            assertTrue(!PortGuard.listening().contains(a), a + " still listens after its world ended");
        }
        for (Socket s : stranger.silent) {
            try (s) {
                s.setSoTimeout(30_000);
                assertEquals(-1, s.getInputStream().read(), "a silent stranger is closed with the port");
            } catch (java.net.SocketException reset) {
                // still in the port's backlog when it closed: the system resets it, closed all the same
                assertTrue(String.valueOf(reset.getMessage()).contains("reset"), String.valueOf(reset));
            }
        }
    }

    /** Connects to each data port as soon as it listens, sends one kind of junk per connection, reads what comes. */
    private static final class Stranger implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final Set<InetSocketAddress> seen = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        final List<Socket> silent = new ArrayList<>();
        int landed;

        @Override
        public void run() {
            while (!stop.get()) {
                for (InetSocketAddress a : PortGuard.listening()) {
                    if (seen.add(a)) {
                        attack(a);
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000); // a port listens for tens of ms at least
            }
        }

        private void attack(InetSocketAddress a) {
            try {
                Socket quiet = new Socket(a.getAddress(), a.getPort());
                silent.add(quiet);
                landed++;
            } catch (IOException closedAlready) {
                // the world started first: refused by the operating system, which is fine
            }
            for (byte[] junk : JUNK) {
                try (Socket s = new Socket(a.getAddress(), a.getPort())) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write(junk);
                    InputStream in = s.getInputStream();
                    int b = in.read();
                    if (b != -1) {
                        problems.add(a + " answered " + junk.length + " bytes of junk with a byte " + b);
                    }
                } catch (IOException refusedOrReset) {
                    // refused, or reset while writing: no byte read either way
                }
            }
        }
    }

    private static byte[] forgedHello() {
        ByteBuffer b = ByteBuffer.allocate(68).putInt(0x4D4F5344).putInt(1).putInt(1).putInt(0).putInt(40000);
        for (int i = 0; i < 48; i++) {
            b.put((byte) (i * 31));
        }
        return b.array();
    }
}
