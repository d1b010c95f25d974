package org.mpionspark.bridge.rank;

import java.io.IOException;
import java.net.InetAddress;
import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.comm.RankEngine;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.memory.MemoryTransport;
import org.mpionspark.bridge.memory.MemoryWorld;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.Peer;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.serial.KryoCodec;
import org.mpionspark.bridge.transport.RoutedTransport;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.MpiException;

/**
 * Starts one rank of a world and hands back its {@link RankSession}: it joins the driver's
 * rendezvous and learns where its peers are. A world whose ranks all share this JVM runs in
 * memory alone; one that spans JVMs also starts MPJ Express ({@link MpjStart}), and each peer is
 * reached through memory or MPJ Express by where it lives ({@link RoutedTransport}).
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
        MemoryWorld memory = MemoryWorld.join(ticket.registrationId() + "/" + worldKey + "/" + jvm, size, rank);
        if (jvm.equals(ticket.soleJvm())) {
            return startInMemory(ticket, worldKey, rank, options, cancelled, label, memory);
        }
        AbortState abort = new AbortState(rank, cancelled);
        ThreadGroup group = new ThreadGroup("mpi " + label);
        RankClassLoader loader = new RankClassLoader(RankLauncher.class.getClassLoader(), label);
        ControlLink link = null;
        MpjStart mpjStart = null;
        try {
            mpjStart = MpjStart.begin(loader, group, ticket, rank, options.protocolSwitchLimit());
            link = mpjStart.relay(ticket, worldKey, jvm);
            KryoCodec codec = options.codec(); // a class to register that is missing fails here, reported
            link.listen(group, abort);
            Transport mpj = mpjStart.await(abort);
            boolean coresShared = coresShared(options, link);
            MemoryTransport near = new MemoryTransport(memory, rank, jvms(link), coresShared, mpj.processorName());
            Transport transport = new RoutedTransport(near, near::local, mpj);
            RankEngine engine = RankEngine.start(transport, abort, link, options.opTimeoutMillis(), codec, coresShared);
            return new RankSession(label, transport, loader, engine, link, group, options);
        } catch (RuntimeException | IOException | Error e) {
            memory.leave(rank);
            if (link != null) {
                link.reportFailure("rank " + rank + " could not start MPJ Express: " + e, e);
            }
            RankSession.tearDown(mpjStart == null ? null : mpjStart.startedOrNull(), loader, link, group);
            if (e instanceof MpiException me) {
                throw me;
            }
            throw new MpiException(rank, "MPI_Init", -1, "could not start MPJ Express: " + e, e);
        } finally {
            closeQuietly(mpjStart);
        }
    }

    /**
     * A world whose ranks all live in this JVM ({@link WorldTicket#soleJvm}): no MPJ Express, no
     * class loader of its own, no socket between ranks; only the link to the driver.
     */
    private static RankSession startInMemory(WorldTicket ticket, String worldKey, int rank, RankOptions options,
                                             BooleanSupplier cancelled, String label, MemoryWorld memory) {
        AbortState abort = new AbortState(rank, cancelled);
        ThreadGroup group = new ThreadGroup("mpi " + label);
        ControlLink link = null;
        try {
            link = ControlLink.join(ticket, worldKey, rank, 0, 0, options.jvm(rank));
            for (Peer p : link.peers()) {
                if (!options.jvm(rank).equals(p.jvm())) {
                    throw new MpiException(rank, "MPI_Init", p.rank(), "the driver said every rank runs in this JVM, "
                            + "but rank " + p.rank() + " joined from another one on host " + p.host());
                }
            }
            KryoCodec codec = options.codec();
            link.listen(group, abort);
            boolean coresShared = coresShared(options, link);
            Transport transport = new MemoryTransport(memory, rank, jvms(link), coresShared, hostName());
            RankEngine engine = RankEngine.start(transport, abort, link, options.opTimeoutMillis(), codec, coresShared);
            return new RankSession(label, transport, null, engine, link, group, options);
        } catch (RuntimeException | Error e) {
            memory.leave(rank);
            if (link != null) {
                link.reportFailure("rank " + rank + " could not start: " + e.getMessage(), e);
            }
            RankSession.tearDown(null, null, link, group);
            if (e instanceof MpiException me) {
                throw me;
            }
            throw new MpiException(rank, "MPI_Init", -1, "could not join its world: " + e, e);
        }
    }

    private static java.util.List<String> jvms(ControlLink link) {
        return link.peers().stream().map(Peer::jvm).toList();
    }

    /** What MPJ Express reports as the processor name: this host's name. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static boolean coresShared(RankOptions options, ControlLink link) {
        return options.coresShared() != null ? options.coresShared() : Peer.coresShared(link.peers());
    }

    private static void closeQuietly(MpjStart start) {
        try {
            if (start != null) {
                start.close();
            }
        } catch (IOException ignored) {
            // the relay is closed either way
        }
    }
}
