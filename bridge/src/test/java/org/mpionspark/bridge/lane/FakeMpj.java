package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.Transport;

/** MPJ Express's endpoint beside the lanes, as a lane endpoint's tests need it: it sends nothing, and counts its close and tear-down. */
final class FakeMpj implements Endpoint {
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger killed = new AtomicInteger();

    @Override
    public Transport.Pending send(int source, int channel, ArrayKind kind, Object buf, int offset, int count,
                                  int dest, int tag) {
        throw new UnsupportedOperationException("messages go on the lanes");
    }

    @Override
    public String processorName() {
        return "mpj";
    }

    @Override
    public void finish() {
        finished.incrementAndGet();
    }

    @Override
    public void kill() {
        killed.incrementAndGet();
    }

    /**
     * How a FakeMpj starts beside a lane endpoint: the ports it reports, the ports it was told,
     * and a start that fails ({@code failure}) or that the test completes ({@code connected}).
     */
    static final class Starter implements MpjStarter {
        final FakeMpj mpj = new FakeMpj();
        final AtomicInteger begun = new AtomicInteger();
        final CompletableFuture<Endpoint> connected = new CompletableFuture<>();
        private final int[] ports;
        private final long timeoutMillis;
        volatile IOException failure;
        volatile int[][] told;

        /** Reports {@code writePort, readPort}; connects at once unless {@code later}, and gives up after {@code timeoutMillis}. */
        Starter(int writePort, int readPort, boolean later, long timeoutMillis) {
            this.ports = new int[] {writePort, readPort};
            this.timeoutMillis = timeoutMillis;
            if (!later) {
                connected.complete(mpj);
            }
        }

        @Override
        public int[] begin() throws IOException {
            begun.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return ports.clone();
        }

        @Override
        public CompletableFuture<Endpoint> connect(int[][] all) {
            told = all;
            return connected;
        }

        @Override
        public long timeoutMillis() {
            return timeoutMillis;
        }
    }
}
