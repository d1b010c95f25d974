package org.mpionspark.bridge.rendezvous;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the peer table: rank {@code rank}'s host as the driver saw it, how many processors
 * its JVM has, which JVM it is in ({@code jvm}: ranks with the same key share a heap and talk
 * through memory, and one MPJ Express endpoint to the other JVMs), and which machine ({@code
 * machine}: its kernel's boot id, "" if unknown, shared by the containers and namespaces of one
 * machine) with how many processors online there ({@code machineProcessors}, 0 if unknown), and
 * where its JVM's lanes for this world listen ({@code lanePort}, 0 if none): the port travels in
 * the rank's hello, so the lanes are made as soon as the table comes, with no second round through
 * the driver.
 */
public record Peer(int rank, String host, int processors, String jvm, String machine, int machineProcessors,
                   int lanePort) {

    /** A row whose machine is unknown: only its host tells whom it shares cores with. */
    public Peer(int rank, String host, int processors, String jvm) {
        this(rank, host, processors, jvm, "", 0, 0);
    }

    /** A row of a JVM with no lane port. */
    public Peer(int rank, String host, int processors, String jvm, String machine, int machineProcessors) {
        this(rank, host, processors, jvm, machine, machineProcessors, 0);
    }

    /**
     * The JVMs of a world in the order of their lowest rank: a JVM's index here is its MPJ
     * Express endpoint's rank. Every rank, and the driver, computes the same order from the same table.
     */
    public static List<String> jvmOrder(List<Peer> peers) {
        return peers.stream().map(Peer::jvm).distinct().toList();
    }

    /**
     * Where each JVM's lanes listen, in {@link #jvmOrder} order: its host as the driver saw it and
     * the lane port its ranks announced.
     *
     * @throws IllegalStateException if a JVM announced none, or its ranks announced different ones
     */
    public static List<EndpointAddress> laneTable(List<Peer> peers) {
        Map<String, Peer> first = new java.util.LinkedHashMap<>();
        for (Peer p : peers) {
            Peer seen = first.putIfAbsent(p.jvm(), p);
            if (p.lanePort() <= 0 || (seen != null && seen.lanePort() != p.lanePort())) {
                throw new IllegalStateException("rank " + p.rank() + " announced lane port " + p.lanePort() + " for JVM "
                        + p.jvm() + (seen != null ? " (rank " + seen.rank() + " of it announced " + seen.lanePort() + ")"
                        : "") + ": every JVM of a world on lanes announces one port");
            }
        }
        return first.values().stream().map(p -> new EndpointAddress(p.host(), 0, 0, p.lanePort())).toList();
    }

    /**
     * Whether some host runs more ranks than its JVMs have processors, or some machine more than
     * it has online (executors in containers or network namespaces of one machine each see an
     * address and a processor count of their own, and share its cores): then ranks and their
     * threads compete for cores, and algorithms that send fewer messages beat those with fewer
     * rounds. Every rank computes the same answer from the same table.
     */
    public static boolean coresShared(List<Peer> peers) {
        Map<String, Integer> ranksPerHost = new HashMap<>();
        Map<String, Integer> ranksPerMachine = new HashMap<>();
        for (Peer p : peers) {
            if (ranksPerHost.merge(p.host(), 1, Integer::sum) > p.processors()) {
                return true;
            }
            if (!p.machine().isEmpty() && p.machineProcessors() > 0
                    && ranksPerMachine.merge(p.machine(), 1, Integer::sum) > p.machineProcessors()) {
                return true;
            }
        }
        return false;
    }
}
