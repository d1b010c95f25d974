package org.mpionspark.bridge.rendezvous;

/**
 * Where a JVM's endpoint listens: its host, as the driver saw it, MPJ Express's two ports, and the
 * port of its lanes to the other JVMs (0: messages between JVMs go through MPJ Express).
 */
public record EndpointAddress(String host, int readPort, int writePort, int lanePort) {
}
