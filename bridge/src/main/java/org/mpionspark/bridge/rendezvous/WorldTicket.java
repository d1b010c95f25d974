package org.mpionspark.bridge.rendezvous;

import java.io.Serializable;

/**
 * What a rank needs to join its world: where the rendezvous server listens, which registration
 * it belongs to and that registration's secret. Travels to executors inside the task closure.
 */
public record WorldTicket(String host, int port, String registrationId, byte[] secret, int size,
                          long rendezvousTimeoutMillis, String soleJvm) implements Serializable {

    /** A ticket that says nothing of where the ranks run. */
    public WorldTicket(String host, int port, String registrationId, byte[] secret, int size,
                       long rendezvousTimeoutMillis) {
        this(host, port, registrationId, secret, size, rendezvousTimeoutMillis, null);
    }

    /**
     * This ticket, saying that every rank runs in the JVM whose key is {@code jvm} (local mode, a
     * local world): those ranks start no MPJ Express device and talk through memory only.
     */
    public WorldTicket withSoleJvm(String jvm) {
        return new WorldTicket(host, port, registrationId, secret, size, rendezvousTimeoutMillis, jvm);
    }

    @Override
    public String toString() {
        // never print the secret
        return "WorldTicket[" + host + ":" + port + ", " + registrationId + ", size=" + size + "]";
    }
}
