package org.mpionspark.bridge.rendezvous;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the peer table: where rank {@code rank}'s MPJ Express device listens (ports 0: it has
 * none, its world lives in one JVM), how many processors its JVM has, and which JVM it is in
 * ({@code jvm}: ranks with the same key share a heap and talk through memory).
 */
public record Peer(int rank, String host, int readPort, int writePort, int processors, String jvm) {

    /**
     * Whether some host runs more ranks than it has processors: then ranks and MPJ's threads
     * compete for cores, and algorithms that send fewer messages beat those with fewer rounds.
     * Every rank computes the same answer from the same table.
     */
    public static boolean coresShared(List<Peer> peers) {
        Map<String, Integer> ranksPerHost = new HashMap<>();
        for (Peer p : peers) {
            if (ranksPerHost.merge(p.host(), 1, Integer::sum) > p.processors()) {
                return true;
            }
        }
        return false;
    }
}
