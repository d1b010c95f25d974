package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Cores are shared when some host runs more ranks than its JVM has processors, or some machine more
 * than it has online; each JVM's lanes listen where its ranks said.
 */
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

    /** Executors in network namespaces (or containers) of one 2-core machine: an address and 2 processors each. */
    @Test
    void jvmsThatLookApartButShareOneMachinesCoresAreShared() {
        List<Peer> fourNamespaces = List.of(new Peer(0, "10.0.0.1", 2, "j1", "boot-1", 2),
                new Peer(1, "10.0.0.2", 2, "j2", "boot-1", 2), new Peer(2, "10.0.0.3", 2, "j3", "boot-1", 2),
                new Peer(3, "10.0.0.4", 2, "j4", "boot-1", 2));
        assertTrue(Peer.coresShared(fourNamespaces));
        assertFalse(Peer.coresShared(fourNamespaces.subList(0, 2)), "2 ranks on 2 cores");
    }

    /** Containers limited to 2 processors each on a 64-core node: 8 ranks there still have a core each. */
    @Test
    void containersOfALargeMachineAreNotShared() {
        List<Peer> peers = new java.util.ArrayList<>();
        for (int r = 0; r < 8; r++) {
            peers.add(new Peer(r, "10.0.0." + (r / 2), 2, "j" + r / 2, "boot-1", 64));
        }
        assertFalse(Peer.coresShared(peers));
        assertFalse(Peer.coresShared(List.of(new Peer(0, "a", 2, "j1", "", 0), new Peer(1, "b", 2, "j2", "", 0))),
                "machines unknown: hosts alone tell");
    }

    /** Ranks 0 and 2 in one JVM, 1 and 3 in another, as Spark places them: one lane port per JVM, in JVM order. */
    @Test
    void theLaneTableHasEachJvmsPortInJvmOrder() {
        List<Peer> interleaved = List.of(new Peer(0, "h1", 2, "j1", "", 0, 31000), new Peer(1, "h2", 2, "j2", "", 0, 32000),
                new Peer(2, "h1", 2, "j1", "", 0, 31000), new Peer(3, "h2", 2, "j2", "", 0, 32000));
        assertEquals(List.of(new EndpointAddress("h1", 0, 0, 31000), new EndpointAddress("h2", 0, 0, 32000)),
                Peer.laneTable(interleaved));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Peer.laneTable(List.of(
                new Peer(0, "h1", 2, "j1", "", 0, 31000), new Peer(1, "h2", 2, "j2", "", 0, 0))));
        assertTrue(none.getMessage().contains("rank 1 announced lane port 0 for JVM j2"), none.getMessage());
        IllegalStateException two = assertThrows(IllegalStateException.class, () -> Peer.laneTable(List.of(
                new Peer(0, "h1", 2, "j1", "", 0, 31000), new Peer(1, "h1", 2, "j1", "", 0, 31001))));
        assertTrue(two.getMessage().contains("rank 0 of it announced 31000"), two.getMessage());
    }
}
