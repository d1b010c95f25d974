package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.NativeCollectives;

/**
 * MPJ Express's endpoint starts beside the lanes only once its own collectives are asked for: then
 * in every JVM of the world, each told the others' ports over the lanes. A start that failed is
 * named where it was asked for, a JVM that finished first is named at once, and a tear-down reaches
 * MPJ whenever it has started.
 */
@Timeout(60)
class MpjBesideLanesTest {

    @Test
    void askingOneJvmForMpjsCollectivesStartsItInEveryJvmOverTheLanes() throws Exception {
        FakeMpj.Starter zero = new FakeMpj.Starter(31_000, 31_001, false, 60_000);
        FakeMpj.Starter one = new FakeMpj.Starter(32_000, 32_001, false, 60_000);
        try (LanePair pair = new LanePair(zero, one)) {
            assertEquals(0, zero.begun.get() + one.begun.get(), "nothing of MPJ Express starts with the lanes");
            assertNull(pair.zero.capability(NativeCollectives.class), "asked of MPJ's endpoint once started");
            assertEquals(1, zero.begun.get());
            pair.finish();
            assertEquals(1, one.begun.get(), "started when told the other's ports");
            int[][] expected = {{31_000, 31_001}, {32_000, 32_001}};
            assertArrayEquals(expected, zero.told);
            assertArrayEquals(expected, one.told);
            assertEquals(1, zero.mpj.finished.get());
            assertEquals(1, one.mpj.finished.get());
        }
    }

    @Test
    void aWorldThatNeverAsksForMpjNeverStartsIt() throws Exception {
        FakeMpj.Starter zero = new FakeMpj.Starter(31_000, 31_001, false, 60_000);
        FakeMpj.Starter one = new FakeMpj.Starter(32_000, 32_001, false, 60_000);
        try (LanePair pair = new LanePair(zero, one)) {
            pair.finish();
            assertEquals(0, zero.begun.get() + one.begun.get());
            assertEquals(0, zero.mpj.finished.get() + one.mpj.finished.get());
        }
    }

    @Test
    void aJvmThatFinishedFirstStartsNoMpjAndTheOneAskingIsToldAtOnce() throws Exception {
        FakeMpj.Starter zero = new FakeMpj.Starter(31_000, 31_001, false, 600_000);
        FakeMpj.Starter one = new FakeMpj.Starter(32_000, 32_001, false, 600_000);
        try (LanePair pair = new LanePair(zero, one)) {
            CompletableFuture<Void> oneFinished = CompletableFuture.runAsync(pair.one::finish);
            awaitGone(pair.zero, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pair.zero.capability(NativeCollectives.class));
            assertTrue(e.getMessage().contains("endpoint 1 finished before MPJ Express started there"), e.getMessage());
            assertThrows(IllegalStateException.class, pair.zero::finish, "its goodbyes said, it names the failed start");
            oneFinished.join();
            assertEquals(0, one.begun.get(), "a JVM that finishes starts no MPJ Express");
        }
    }

    @Test
    void aJvmLostBeforeItStartedMpjIsNamedAtOnce() throws Exception {
        FakeMpj.Starter zero = new FakeMpj.Starter(31_000, 31_001, false, 600_000);
        FakeMpj.Starter one = new FakeMpj.Starter(32_000, 32_001, false, 600_000);
        try (LanePair pair = new LanePair(zero, one)) {
            pair.one.kill(); // its lane ends without a goodbye, as when its JVM dies
            awaitGone(pair.zero, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pair.zero.capability(NativeCollectives.class));
            assertTrue(e.getMessage().contains("endpoint 1 was lost before MPJ Express started there"), e.getMessage());
        }
    }

    @Test
    void aRankWaitingForMpjIsFreedAtOnceWhenItsEndpointIsTornDown() throws Exception {
        FakeMpj.Starter starter = new FakeMpj.Starter(31_000, 31_001, true, 600_000);
        LaneEndpoint endpoint = alone(starter);
        CompletableFuture<Object> asking = CompletableFuture.supplyAsync(
                () -> endpoint.capability(NativeCollectives.class));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (starter.told == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        assertArrayEquals(new int[][] {{31_000, 31_001}}, starter.told, "MPJ Express is connecting");
        endpoint.kill(); // the world's abort
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                asking::get);
        assertTrue(e.getCause().getMessage().contains("was torn down"), e.getCause().getMessage());
        starter.connected.complete(starter.mpj);
        assertEquals(1, starter.mpj.killed.get(), "an MPJ endpoint that connects after the tear-down is killed");
    }

    @Test
    void aFailedMpjStartIsNamedWhereItsCollectivesAreAskedForAndTheCloseFails() throws Exception {
        FakeMpj.Starter starter = new FakeMpj.Starter(31_000, 31_001, false, 60_000);
        starter.failure = new IOException("MPJ Express could not bind its ports");
        LaneEndpoint endpoint = alone(starter);
        assertEquals(Endpoint.localHostName(), endpoint.processorName(), "the host's name, without MPJ");
        assertSame(endpoint, endpoint.capability(LaneEndpoint.class));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> endpoint.capability(NativeCollectives.class));
        assertTrue(e.getMessage().contains("MPJ Express's own endpoint did not start beside the lanes")
                && e.getMessage().contains("could not bind its ports"), e.getMessage());
        assertThrows(IllegalStateException.class, endpoint::finish, "its close is not clean");
        endpoint.kill();
    }

    @Test
    void whatNeedsMpjWaitsForItsStartAndNoLonger() throws Exception {
        FakeMpj.Starter starter = new FakeMpj.Starter(31_000, 31_001, true, 200);
        LaneEndpoint endpoint = alone(starter);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> endpoint.capability(NativeCollectives.class));
        assertTrue(e.getMessage().contains("has not started after 200 ms"), e.getMessage());
        starter.connected.complete(starter.mpj);
        assertNull(endpoint.capability(NativeCollectives.class), "asked of MPJ's endpoint once started");
        assertEquals(1, starter.begun.get(), "started once");
        endpoint.finish();
        assertEquals(1, starter.mpj.finished.get());
    }

    @Test
    void aTearDownReachesMpjWhenItHasStartedEvenAfter() throws Exception {
        FakeMpj.Starter starter = new FakeMpj.Starter(31_000, 31_001, true, 200);
        LaneEndpoint endpoint = alone(starter);
        assertThrows(IllegalStateException.class, () -> endpoint.capability(NativeCollectives.class), "still starting");
        endpoint.kill();
        starter.connected.complete(starter.mpj);
        assertEquals(1, starter.mpj.killed.get(), "killed as it starts");
    }

    /** Waits (30 s at most) until {@code endpoint} has seen endpoint {@code peer} go. */
    private static void awaitGone(LaneEndpoint endpoint, int peer) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!endpoint.gone(peer) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        assertTrue(endpoint.gone(peer), "endpoint " + peer + "'s end reached the other");
    }

    /** A JVM's endpoint with no other JVM's lane. */
    private static LaneEndpoint alone(MpjStarter starter) throws IOException {
        return new LaneEndpoint("endpoint 0 of 1 (test)", new Lane[] {null}, new int[] {0}, LanePair.nothingArrives(), starter,
                LanePair::daemon, 0);
    }
}
