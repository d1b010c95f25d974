package org.mpionspark.bridge.rendezvous;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the peer table: rank {@code rank}'s host as the driver saw it, how many processors
 * its JVM has, and which JVM it is in ({@code jvm}: ranks with the same key share a heap and talk
 * through memory, and one MPJ Express endpoint to the other JVMs).
 */
public record Peer(int rank, String host, int processors, String jvm) {

    /**
     * The JVMs of a world in the order of their lowest rank: a JVM's index here is its MPJ
     * Express endpoint's rank. Every rank, and the driver, computes the same order from the same table.
     */
    public static List<String> jvmOrder(List<Peer> peers) {
        return peers.stream().map(Peer::jvm).distinct().toList();
    }

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
