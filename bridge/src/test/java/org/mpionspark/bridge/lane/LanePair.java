package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;

/** Two JVMs' endpoints, one rank each, over a lane on loopback; closing it kills both. */
final class LanePair implements AutoCloseable {
    final LaneEndpoint zero;
    final LaneEndpoint one;

    LanePair(MpjStarter zeroStarts, MpjStarter oneStarts) throws IOException {
        this(zeroStarts, oneStarts, null, nothingArrives());
    }

    /** A pair whose lane is encrypted with the world key {@code sealKey} (null: in the clear); endpoint 1's arrivals go to {@code oneArrivals}. */
    LanePair(MpjStarter zeroStarts, MpjStarter oneStarts, byte[] sealKey, Arrivals oneArrivals) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SocketChannel a = SocketChannel.open(server.getLocalAddress());
            SocketChannel b = server.accept();
            zero = new LaneEndpoint("endpoint 0 of 2 (test)",
                    new Lane[] {null, new Lane(1, "endpoint 1", a, sealKey == null ? null : Lane.seal(sealKey, 0, 1))},
                    new int[] {0, 1}, nothingArrives(), zeroStarts, LanePair::daemon, 0);
            one = new LaneEndpoint("endpoint 1 of 2 (test)",
                    new Lane[] {new Lane(0, "endpoint 0", b, sealKey == null ? null : Lane.seal(sealKey, 1, 0)), null},
                    new int[] {0, 1}, oneArrivals, oneStarts, LanePair::daemon, 0);
        }
    }

    /** Both endpoints' orderly end, side by side. */
    void finish() {
        java.util.concurrent.CompletableFuture<Void> oneFinished = java.util.concurrent.CompletableFuture.runAsync(one::finish);
        zero.finish();
        oneFinished.join();
    }

    @Override
    public void close() {
        zero.kill();
        one.kill();
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    static Arrivals nothingArrives() {
        return new Arrivals() {
            @Override
            public Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data, int count,
                                   boolean filled) {
                throw new AssertionError("no rank sends here");
            }

            @Override
            public void lost(String why) {
            }
        };
    }
}
