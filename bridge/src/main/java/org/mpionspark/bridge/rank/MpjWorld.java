package org.mpionspark.bridge.rank;

import java.net.InetAddress;

import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.transport.Arrivals;

/**
 * What a JVM's MPJ Express endpoint is started with: its world, its place there ({@code index} of
 * {@code size} endpoints), where it listens, and where what arrives for its ranks goes.
 */
record MpjWorld(WorldTicket ticket, InetAddress bindAddress, int index, int size, int protocolSwitchLimit,
                int[] endpointOf, Arrivals arrivals) {

    /** How long the start may take: the rendezvous, then MPJ's connections. */
    long timeoutMillis() {
        return ticket.rendezvousTimeoutMillis() + MpjStart.CONNECT_MILLIS;
    }
}
