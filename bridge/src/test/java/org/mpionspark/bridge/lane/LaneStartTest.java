package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.dataport.DataPortException;
import org.mpionspark.bridge.dataport.LanePort;
import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.rendezvous.EndpointAddress;

/**
 * A JVM's lane port opens before its hello, so the endpoints after it may call before it has the
 * peer table: their calls are admitted on the world's key alone, and checked against its place in
 * the world once the table places it.
 */
@Timeout(60)
class LaneStartTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] KEY = PortGuard.worldKey("secret".getBytes(StandardCharsets.UTF_8), "reg/world", null);
    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "lane start test");
        t.setDaemon(true);
        return t;
    };

    @Test
    void anEndpointCalledBeforeItHasTheTableIsReadyOncePlaced() throws Exception {
        try (LaneStart zero = new LaneStart("JVM a", DAEMONS, LOOPBACK, KEY, false);
             LaneStart one = new LaneStart("JVM b", DAEMONS, LOOPBACK, KEY, false)) {
            List<EndpointAddress> table = List.of(new EndpointAddress("127.0.0.1", 0, 0, zero.port()),
                    new EndpointAddress("127.0.0.1", 0, 0, one.port()));
            one.place("endpoint 1 of 2", 1, 2, DAEMONS);
            one.connect(table, 5_000, () -> { });
            SocketChannel[] ones = one.ready().get(5, TimeUnit.SECONDS);
            assertNotNull(ones[0], "endpoint 1 made its lane to endpoint 0, which had no table yet");
            assertFalse(zero.ready().isDone(), "not ready before it knows its place");
            zero.place("endpoint 0 of 2", 0, 2, DAEMONS);
            zero.connect(table, 5_000, () -> { });
            SocketChannel[] zeros = zero.ready().get(5, TimeUnit.SECONDS);
            assertNotNull(zeros[1], "the call that came early is endpoint 0's lane to endpoint 1");
            assertNull(zeros[0]);
        }
    }

    @Test
    void aCallThatCameEarlyForAnotherPlaceFailsThePlacementNamingIt() throws Exception {
        try (LaneStart zero = new LaneStart("JVM a", DAEMONS, LOOPBACK, KEY, false)) {
            InetSocketAddress at = new InetSocketAddress(LOOPBACK, zero.port());
            DataPortException stranger = assertThrows(DataPortException.class, () -> LanePort.connect("another world",
                    PortGuard.worldKey("other".getBytes(StandardCharsets.UTF_8), "reg/world", null), 2, 0, at, 5_000));
            assertTrue(stranger.getMessage().contains("refused"), stranger.getMessage());
            // a genuine endpoint 2 that thinks this port is endpoint 1's
            try (SocketChannel early = LanePort.connect("endpoint 2", KEY, 2, 1, at, 5_000)) {
                DataPortException e = assertThrows(DataPortException.class,
                        () -> zero.place("endpoint 0 of 3", 0, 3, DAEMONS));
                assertTrue(e.getMessage().contains("endpoint 2 called before this JVM had the world's table")
                        && e.getMessage().contains("meant for endpoint 1"), e.getMessage());
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> zero.ready().get(5, TimeUnit.SECONDS));
                assertEquals(e, failed.getCause());
            }
        }
    }

    @Test
    void callsBeforeThePlaceAreCheckedLikeAnyOtherOnce() throws IOException {
        try (LaneStart zero = new LaneStart("JVM a", DAEMONS, LOOPBACK, KEY, false)) {
            InetSocketAddress at = new InetSocketAddress(LOOPBACK, zero.port());
            try (SocketChannel first = LanePort.connect("endpoint 1", KEY, 1, 0, at, 5_000)) {
                DataPortException again = assertThrows(DataPortException.class,
                        () -> LanePort.connect("endpoint 1 again", KEY, 1, 0, at, 5_000));
                assertTrue(again.getMessage().contains("refused the data-port handshake"), again.getMessage());
                zero.place("endpoint 0 of 2", 0, 2, DAEMONS);
                assertTrue(zero.ready().isDone() && !zero.ready().isCompletedExceptionally(),
                        "endpoint 0 of 2 calls nobody: its one lane came early");
            }
        }
    }
}
