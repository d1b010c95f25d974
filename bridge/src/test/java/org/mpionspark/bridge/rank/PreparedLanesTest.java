package org.mpionspark.bridge.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.lane.LaneStart;

/**
 * A JVM's lane port for a world is opened once, by whichever of its ranks asks first, and lives
 * until the JVM's endpoint takes it, or until the last rank that asked lets go of it.
 */
@Timeout(60)
class PreparedLanesTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] KEY = PortGuard.worldKey("secret".getBytes(StandardCharsets.UTF_8), "reg/w", null);

    @Test
    void theRanksOfAJvmShareOnePortWhichTheEndpointTakes() throws IOException {
        int first = PreparedLanes.hold("reg/w/jvm-a", "w", KEY, false, LOOPBACK);
        int second = PreparedLanes.hold("reg/w/jvm-a", "w", KEY, false, LOOPBACK);
        assertEquals(first, second, "every rank of the JVM announces the same port");
        LaneStart taken = PreparedLanes.take("reg/w/jvm-a");
        assertEquals(first, taken.port());
        assertThrows(IllegalStateException.class, () -> PreparedLanes.take("reg/w/jvm-a"), "taken once");
        PreparedLanes.release("reg/w/jvm-a");
        PreparedLanes.release("reg/w/jvm-a");
        assertTrue(listening(first), "the endpoint that took it closes it, not the ranks");
        taken.close();
        assertFalse(listening(first));
        int next = PreparedLanes.hold("reg/w/jvm-a", "w", KEY, false, LOOPBACK);
        LaneStart again = PreparedLanes.take("reg/w/jvm-a");
        assertEquals(next, again.port(), "a fresh port once the last one was let go");
        PreparedLanes.release("reg/w/jvm-a");
        again.close();
    }

    @Test
    void aPortNobodyTakesClosesWithTheLastRankThatHeldIt() throws IOException {
        int port = PreparedLanes.hold("reg/w/jvm-b", "w", KEY, false, LOOPBACK);
        PreparedLanes.hold("reg/w/jvm-b", "w", KEY, false, LOOPBACK);
        PreparedLanes.release("reg/w/jvm-b");
        assertTrue(listening(port), "one rank still holds it");
        PreparedLanes.release("reg/w/jvm-b"); // the world lived in one JVM, or failed before its table
        assertFalse(listening(port));
        assertThrows(IllegalStateException.class, () -> PreparedLanes.take("reg/w/jvm-b"));
    }

    private static boolean listening(int port) {
        return PortGuard.listening().contains(new InetSocketAddress(LOOPBACK, port));
    }
}
