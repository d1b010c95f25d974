package org.mpionspark.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.spark.MpiConf;

/**
 * The rendezvous server of a SparkContext, on the driver: started with the first SPMD stage,
 * closed when the application ends. Each SPMD job registers with it for its own secret.
 */
public final class DriverRendezvous {

    private static final Map<SparkContext, RendezvousServer> SERVERS = new WeakHashMap<>();

    private DriverRendezvous() {
    }

    /** The server of {@code sc}, started on first use. */
    public static synchronized RendezvousServer of(SparkContext sc) {
        RendezvousServer server = SERVERS.get(sc);
        if (server == null) {
            String host = sc.getConf().get(MpiConf.RENDEZVOUS_HOST, sc.getConf().get("spark.driver.host", "127.0.0.1"));
            try {
                server = new RendezvousServer(null, host);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the MPI rendezvous server on the driver", e);
            }
            SERVERS.put(sc, server);
            RendezvousServer started = server;
            sc.addSparkListener(new SparkListener() {
                @Override
                public void onApplicationEnd(SparkListenerApplicationEnd end) {
                    synchronized (DriverRendezvous.class) {
                        SERVERS.remove(sc);
                    }
                    started.close();
                }
            });
        }
        return server;
    }
}
