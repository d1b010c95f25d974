package org.mpionspark.bridge.rendezvous;

/** Where a JVM's MPJ Express endpoint listens: its host, as the driver saw it, and its two ports. */
public record EndpointAddress(String host, int readPort, int writePort) {
}
