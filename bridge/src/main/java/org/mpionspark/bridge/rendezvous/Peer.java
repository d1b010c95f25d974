package org.mpionspark.bridge.rendezvous;

/** One row of the peer table: where rank {@code rank}'s MPJ Express device listens. */
public record Peer(int rank, String host, int readPort, int writePort) {
}
