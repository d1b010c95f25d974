package org.mpionspark.bridge.rendezvous;

import java.io.Serializable;

import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.config.TwoLevelMode;

/**
 * What a rank needs to join its world: where the rendezvous server listens, which registration
 * it belongs to and that registration's secret. Travels to executors inside the task closure, and
 * with it what every rank of the world must choose alike ({@code twoLevel}: which collectives go
 * in two levels, {@code spark.mpi.collectives.twoLevel}; {@code lanes}: whether messages between
 * JVMs take lanes of their own or MPJ Express's connections, {@code spark.mpi.network.lanes}).
 * {@code sealed}: the driver encrypts the ranks' control links with the application's secret
 * ({@code spark.network.crypto.enabled}), so each rank must too.
 */
public record WorldTicket(String host, int port, String registrationId, byte[] secret, int size,
                          long rendezvousTimeoutMillis, String soleJvm, TwoLevelMode twoLevel, boolean lanes,
                          boolean sealed)
        implements Serializable {

    /** A ticket that says nothing of where the ranks run, collectives at their default, its control links in the clear. */
    public WorldTicket(String host, int port, String registrationId, byte[] secret, int size,
                       long rendezvousTimeoutMillis) {
        this(host, port, registrationId, secret, size, rendezvousTimeoutMillis, null, Defaults.TWO_LEVEL, Defaults.LANES,
                false);
    }

    public WorldTicket {
        if (twoLevel == null) {
            throw new IllegalArgumentException(TwoLevelMode.KEY + " must be auto, always or never, not null");
        }
    }

    /**
     * This ticket, saying that every rank runs in the JVM whose key is {@code jvm} (local mode, a
     * local world): those ranks start no MPJ Express device and talk through memory only.
     */
    public WorldTicket withSoleJvm(String jvm) {
        return new WorldTicket(host, port, registrationId, secret, size, rendezvousTimeoutMillis, jvm, twoLevel, lanes, sealed);
    }

    /** This ticket, with the world's collectives going in two levels as {@code mode} says. */
    public WorldTicket withTwoLevel(TwoLevelMode mode) {
        return new WorldTicket(host, port, registrationId, secret, size, rendezvousTimeoutMillis, soleJvm, mode, lanes, sealed);
    }

    /** This ticket, with messages between JVMs on lanes of their own ({@code true}) or on MPJ Express's connections. */
    public WorldTicket withLanes(boolean on) {
        return new WorldTicket(host, port, registrationId, secret, size, rendezvousTimeoutMillis, soleJvm, twoLevel, on, sealed);
    }

    @Override
    public String toString() {
        // never print the secret
        return "WorldTicket[" + host + ":" + port + ", " + registrationId + ", size=" + size + "]";
    }
}
