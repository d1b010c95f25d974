package org.mpionspark.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.mpionspark.bridge.rendezvous.Registration;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.spark.MpiConf;

/**
 * The rendezvous server of a SparkContext, on the driver: started with the first SPMD stage,
 * closed when the application ends. Each SPMD job registers with it for its own secret. It
 * listens where Spark's driver does ({@code spark.driver.bindAddress}) and is advertised to the
 * ranks as {@code spark.mpi.rendezvous.host}, else {@code spark.driver.host}.
 */
public final class DriverRendezvous {

    private static final Map<SparkContext, RendezvousServer> SERVERS = new WeakHashMap<>();
    private static final Cleaner CLEANER = Cleaner.create();

    private DriverRendezvous() {
    }

    /** The server of {@code sc}, started on first use. */
    public static synchronized RendezvousServer of(SparkContext sc) {
        RendezvousServer server = SERVERS.get(sc);
        if (server == null) {
            SparkConf conf = sc.getConf();
            String host = conf.get("spark.driver.host", "127.0.0.1");
            String bind = conf.get("spark.driver.bindAddress", host);
            try {
                server = new RendezvousServer(resolve(bind), MpiConf.RENDEZVOUS_HOST.text(conf));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the MPI rendezvous server on the driver at " + bind
                        + " (spark.driver.bindAddress)", e);
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

    /**
     * What the ranks' control links are encrypted with under {@code conf}: the application's secret
     * where {@code spark.network.crypto.enabled} asks for encryption (and
     * {@code spark.mpi.network.allowPlaintext} does not waive it); else {@code null}, in the clear.
     * Each executor reads the same secret from its own {@code SparkEnv}.
     */
    public static byte[] sealKey(SparkConf conf) {
        return MpiConf.rankOptions(conf).encryptionRequired() ? BarrierRank.applicationSecret() : null;
    }

    /**
     * Closes {@code reg} once {@code owner} (the RDD an SPMD job returned) is unreachable: until
     * then any action may compute it again. Closing the server, when the application ends, closes it too.
     */
    public static void closeWhenUnreachable(Object owner, Registration reg) {
        CLEANER.register(owner, reg::close); // the action holds the registration, never the owner
    }

    private static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("spark.driver.bindAddress (or spark.driver.host) " + bind
                    + " is not an address of this machine: the MPI rendezvous server cannot listen on it", e);
        }
    }
}
