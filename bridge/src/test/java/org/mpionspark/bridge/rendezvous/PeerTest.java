package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cores are shared when some host runs more ranks than its JVM has processors. */
class PeerTest {

    private static Peer on(int rank, String host, int processors) {
        return new Peer(rank, host, processors, host);
    }

    @Test
    void oneRankPerCoreEverywhereIsNotShared() {
        assertFalse(Peer.coresShared(List.of(on(0, "a", 2), on(1, "a", 2), on(2, "b", 1))));
        assertFalse(Peer.coresShared(List.of(on(0, "a", 1))));
    }

    @Test
    void oneOversubscribedHostIsEnough() {
        assertTrue(Peer.coresShared(List.of(on(0, "a", 16), on(1, "b", 2), on(2, "b", 2), on(3, "b", 2))));
        assertTrue(Peer.coresShared(List.of(on(0, "a", 2), on(1, "a", 2), on(2, "a", 2), on(3, "a", 2))));
    }
}
