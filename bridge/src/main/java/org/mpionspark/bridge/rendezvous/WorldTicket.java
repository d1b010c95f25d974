package org.mpionspark.bridge.rendezvous;

import java.io.Serializable;

/**
 * What a rank needs to join its world: where the rendezvous server listens, which registration
 * it belongs to and that registration's secret. Travels to executors inside the task closure.
 */
public record WorldTicket(String host, int port, String registrationId, byte[] secret, int size,
                          long rendezvousTimeoutMillis) implements Serializable {

    @Override
    public String toString() {
        // never print the secret
        return "WorldTicket[" + host + ":" + port + ", " + registrationId + ", size=" + size + "]";
    }
}
