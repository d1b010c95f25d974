package org.mpionspark.bridge.rank;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.comm.RankEngine;
import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.memory.MemoryTransport;
import org.mpionspark.bridge.memory.MemoryWorld;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.Peer;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.serial.KryoCodec;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.MpiException;

/**
 * Starts one rank of a world and hands back its {@link RankSession}: it joins the driver's
 * rendezvous and learns where its peers are. Ranks of this JVM are reached through memory; a
 * world that spans JVMs also needs this JVM's MPJ Express endpoint ({@link SharedEndpoint}),
 * started by the first of the world's ranks here and shared by all of them.
 */
public final class RankLauncher {

    private RankLauncher() {
    }

    /**
     * Joins world {@code worldKey} of {@code ticket} as {@code rank}; blocks until every rank is
     * connected. {@code cancelled} is polled while waiting (e.g. a Spark task being killed).
     */
    public static RankSession start(WorldTicket ticket, String worldKey, int rank, RankOptions options,
                                    BooleanSupplier cancelled) {
        int size = ticket.size();
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside a world of " + size + " ranks");
        }
        String label = "rank " + rank + " of " + size + " (" + worldKey + ")";
        String jvm = options.jvm(rank);
        String key = ticket.registrationId() + "/" + worldKey + "/" + jvm;
        MemoryWorld memory = MemoryWorld.join(key, size, rank);
        AbortState abort = new AbortState(rank, cancelled);
        ThreadGroup group = new ThreadGroup("mpi " + label);
        ControlLink link = null;
        SharedEndpoint.Lease lease = null;
        byte[] dataKey = PortGuard.worldKey(ticket.secret(), ticket.registrationId() + "/" + worldKey,
                options.applicationSecret());
        boolean[] holdsLanes = {false};
        try {
            // the JVM's lane port, opened before the hello that announces it, unless every rank is known to be here
            link = ControlLink.join(ticket, worldKey, rank, jvm, options.applicationSecret(),
                    !ticket.lanes() || jvm.equals(ticket.soleJvm()) ? local -> 0 : local -> {
                        int port = PreparedLanes.hold(key, worldKey, dataKey, options.encryptionRequired(), local);
                        holdsLanes[0] = true;
                        return port;
                    });
            List<Peer> peers = link.peers();
            List<String> jvms = Peer.jvmOrder(peers);
            if (jvms.size() > 1) { // taken before anything can fail, so that the last rank here ends the endpoint
                int here = (int) peers.stream().filter(p -> p.jvm().equals(jvm)).count();
                lease = SharedEndpoint.join(key, dataKey, options.encryptionRequired(), "endpoint "
                        + jvms.indexOf(jvm) + " of " + jvms.size() + " (" + worldKey + ")", here, jvms.size() == size,
                        options.finalizeTimeoutMillis());
            }
            if (jvms.size() > 1 && options.encryptionRequired() && !ticket.lanes()) {
                throw new MpiException(rank, "MPI_Init", -1, "this world spans " + jvms.size() + " executor JVMs and "
                        + "spark.network.crypto.enabled=true asks for encrypted traffic between them, but with "
                        + "spark.mpi.network.lanes=false MPJ Express carries MPI messages between JVMs, unencrypted (only "
                        + "authenticated, with the world's key). Leave the lanes on (they encrypt), run every rank in one "
                        + "executor JVM, or set spark.mpi.network.allowPlaintext=true to send them unencrypted");
            }
            if (jvm.equals(ticket.soleJvm())) {
                for (Peer p : peers) {
                    if (!jvm.equals(p.jvm())) {
                        throw new MpiException(rank, "MPI_Init", p.rank(), "the driver said every rank runs in this "
                                + "JVM, but rank " + p.rank() + " joined from another one on host " + p.host());
                    }
                }
            }
            KryoCodec codec = options.codec(); // a class to register that is missing fails here, reported
            link.listen(group, abort);
            if (lease != null) {
                if (lease.starter()) {
                    int[] endpointOf = peers.stream().mapToInt(p -> jvms.indexOf(p.jvm())).toArray();
                    lease.shared().start(ticket, link, ticket.lanes() ? PreparedLanes.take(key) : null, abort, rank,
                            jvms.indexOf(jvm), jvms.size(), options.protocolSwitchLimit(), endpointOf, memory,
                            options.opTimeoutMillis());
                }
                lease.await(abort, rank, ticket.rendezvousTimeoutMillis() + 2 * MpjStart.CONNECT_MILLIS);
            }
            if (holdsLanes[0]) {
                holdsLanes[0] = false;
                PreparedLanes.release(key);
            }
            boolean coresShared = coresShared(options, link);
            Transport transport = new MemoryTransport(memory, rank, peers.stream().map(Peer::jvm).toList(), coresShared,
                    lease != null ? lease.processorName() : Endpoint.localHostName(), lease);
            RankEngine engine = RankEngine.start(transport, abort, link, options.opTimeoutMillis(), codec, coresShared);
            return new RankSession(label, transport, engine, link, group);
        } catch (RuntimeException | Error e) {
            if (holdsLanes[0]) {
                PreparedLanes.release(key);
            }
            memory.leave(rank);
            if (lease != null) {
                lease.kill();
            }
            if (link != null) {
                link.reportFailure("rank " + rank + " could not start: " + e.getMessage(), e);
            }
            RankSession.tearDown(null, link, group);
            if (e instanceof MpiException me) {
                throw me;
            }
            throw new MpiException(rank, "MPI_Init", -1, "could not join its world: " + e, e);
        }
    }


    private static boolean coresShared(RankOptions options, ControlLink link) {
        return options.coresShared() != null ? options.coresShared() : Peer.coresShared(link.peers());
    }
}
