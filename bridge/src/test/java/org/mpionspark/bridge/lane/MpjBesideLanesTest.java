package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.NativeCollectives;

/**
 * MPJ Express's endpoint starts beside the lanes, which do not wait for it: what needs it waits
 * (bounded), a start that failed is named, and a tear-down reaches it whenever it has started.
 */
class MpjBesideLanesTest {

    @Test
    void aFailedMpjStartIsNamedWhereItsCollectivesAreAskedForAndTheCloseFails() throws Exception {
        CompletableFuture<Endpoint> mpj = new CompletableFuture<>();
        mpj.completeExceptionally(new IllegalStateException("MPJ Express could not connect to endpoint 1"));
        LaneEndpoint endpoint = endpoint(mpj);
        assertEquals(Endpoint.localHostName(), endpoint.processorName(), "the host's name, without MPJ");
        assertSame(endpoint, endpoint.capability(LaneEndpoint.class));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> endpoint.capability(NativeCollectives.class));
        assertTrue(e.getMessage().contains("MPJ Express's own endpoint did not start beside the lanes")
                && e.getMessage().contains("could not connect to endpoint 1"), e.getMessage());
        assertThrows(IllegalStateException.class, endpoint::finish, "its close is not clean");
        endpoint.kill();
    }

    @Test
    void whatNeedsMpjWaitsForItsStartAndNoLonger() throws Exception {
        CompletableFuture<Endpoint> mpj = new CompletableFuture<>();
        LaneEndpoint endpoint = endpoint(mpj);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> endpoint.capability(NativeCollectives.class));
        assertTrue(e.getMessage().contains("has not started after 200 ms"), e.getMessage());
        FakeMpj started = new FakeMpj();
        mpj.complete(started);
        assertEquals(null, endpoint.capability(NativeCollectives.class), "asked of MPJ's endpoint once started");
        endpoint.finish();
        assertEquals(1, started.finished.get());
    }

    @Test
    void aTearDownReachesMpjWhenItHasStartedEvenAfter() throws Exception {
        CompletableFuture<Endpoint> mpj = new CompletableFuture<>();
        LaneEndpoint endpoint = endpoint(mpj);
        endpoint.kill();
        FakeMpj late = new FakeMpj();
        mpj.complete(late);
        assertEquals(1, late.killed.get(), "killed as it starts");
    }

    /** A JVM's endpoint with no other JVM's lane, beside {@code mpj}. */
    private static LaneEndpoint endpoint(CompletableFuture<Endpoint> mpj) throws java.io.IOException {
        return new LaneEndpoint("endpoint 0 of 1 (test)", new Lane[] {null}, new int[] {0}, new Arrivals() {
            @Override
            public Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data, int count,
                                   boolean filled) {
                throw new AssertionError("no other JVM");
            }

            @Override
            public void lost(String why) {
            }
        }, mpj, 200, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }, 0);
    }
}
