package org.mpionspark.bridge.lane;

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
}
