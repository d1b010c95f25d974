package org.mpionspark.bridge.rendezvous;

import java.io.Serializable;
import java.util.HexFormat;

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

    /** A short fingerprint of the secret, safe for logs. */
    public String fingerprint() {
        return HexFormat.of().formatHex(secret, 0, Math.min(3, secret.length));
    }
}
