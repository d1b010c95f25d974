package org.mpionspark.spark.internal;

import java.io.Serializable;

/**
 * What a rank of an {@link org.mpionspark.spark.MpiSession} needs to reach its session's
 * {@link CellServer} on the driver: address, port and the session's secret. Travels in the task
 * closure. {@code sealed}: the driver encrypts the cells and their results with the application's
 * secret ({@code spark.network.crypto.enabled}), so each rank must too.
 */
public record CellTicket(String host, int port, byte[] secret, int size, boolean sealed) implements Serializable {

    @Override
    public String toString() {
        return "CellTicket[" + host + ":" + port + ", size=" + size + "]"; // never the secret
    }
}
