package org.mpionspark.bridge.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.mpionspark.bridge.lane.MpjStarter;
import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.transport.Endpoint;

/**
 * MPJ Express beside the lanes, started when its own collectives are first asked for: the other
 * JVMs' ports come over the lanes ({@link MpjStarter}), their hosts from the driver's table. Once it
 * has connected, or failed to, its start-up relay and data ports close.
 */
final class MpjOnDemand implements MpjStarter {

    /** Starts MPJ Express in this JVM (its loader, guarded ports and start-up relay): {@code SharedEndpoint}'s. */
    @FunctionalInterface
    interface Begin {
        MpjStart begin() throws IOException;
    }

    private final MpjWorld world;
    private final List<EndpointAddress> table;
    private final Begin begin;
    private MpjStart start;

    /** For the endpoint of {@code world} whose peers are at {@code table} (the driver's, lanes only). */
    MpjOnDemand(MpjWorld world, List<EndpointAddress> table, Begin begin) {
        this.world = world;
        this.table = List.copyOf(table);
        this.begin = begin;
    }

    @Override
    public synchronized int[] begin() throws IOException {
        start = begin.begin();
        return start.report();
    }

    @Override
    public synchronized CompletableFuture<Endpoint> connect(int[][] ports) throws IOException {
        List<EndpointAddress> endpoints = new ArrayList<>(table.size());
        for (int e = 0; e < table.size(); e++) {
            EndpointAddress a = table.get(e);
            endpoints.add(new EndpointAddress(a.host(), ports[e][1], ports[e][0], a.lanePort()));
        }
        start.answer(endpoints);
        MpjStart s = start;
        return s.started().whenComplete((endpoint, failed) -> SharedEndpoint.closeQuietly(s));
    }

    @Override
    public long timeoutMillis() {
        return world.timeoutMillis();
    }
}
