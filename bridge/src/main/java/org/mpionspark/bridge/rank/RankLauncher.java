package org.mpionspark.bridge.rank;

import org.mpionspark.bridge.comm.AbortState;
import org.mpionspark.bridge.comm.RankEngine;
import org.mpionspark.bridge.transport.Transport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.memory.MemoryTransport;
import org.mpionspark.bridge.memory.MemoryWorld;
import org.mpionspark.bridge.transport.RoutedTransport;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.Peer;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.serial.KryoCodec;
import org.mpionspark.mpi.MpiException;

/**
 * Starts one rank of an MPJ Express world and hands back its {@link RankSession}.
 *
 * <p>MPJ's {@code niodev} reports its ports to a rendezvous server over an unauthenticated
 * socket. That socket stays inside this JVM: it goes to a one-shot loopback listener here, which
 * relays the ports to the real server through an authenticated {@link ControlLink} and writes the
 * peer table back. MPJ's start-up runs on a thread of the rank's own thread group, so every
 * thread MPJ makes is in that group and can be accounted for when the rank ends.
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
        CompletableFuture<Transport> started = new CompletableFuture<>();
        ControlLink link = null;
        Thread init = null;
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            relay.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ticket.rendezvousTimeoutMillis() + 15_000));
            int relayPort = relay.getLocalPort();
            init = new Thread(group, () -> {
                InitOutput.capture();
                try {
                    Object t = loader.loadClass("org.mpionspark.bridge.mpj.MpjTransport")
                            .getMethod("start", int.class, int.class, String.class, int.class, int.class)
                            .invoke(null, rank, size, "127.0.0.1", relayPort, options.protocolSwitchLimit());
                    InitOutput.stop();
                    started.complete((Transport) t);
                } catch (Throwable e) {
                    // detached copy: MPJ's own exception classes would keep this rank's loader alive
                    Throwable cause = org.mpionspark.bridge.rendezvous.RemoteError.of(
                            e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e);
                    String printed = InitOutput.stop();
                    if (!printed.isEmpty()) {
                        cause.addSuppressed(new RuntimeException("MPJ Express printed during start-up:\n" + printed));
                    }
                    started.completeExceptionally(cause);
                }
            }, "mpi-rank-" + rank + "-init");
            init.setContextClassLoader(loader);
            init.setDaemon(true);
            init.start();
            link = relay(relay, ticket, worldKey, rank, jvm);
            KryoCodec codec = options.codec(); // a class to register that is missing fails here, reported
            link.listen(group, abort);
            Transport mpj = awaitStart(started, abort, rank, ticket.rendezvousTimeoutMillis() + 15_000);
            boolean coresShared = coresShared(options, link);
            MemoryTransport near = new MemoryTransport(memory, rank, jvms(link), coresShared, mpj.processorName());
            Transport transport = new RoutedTransport(near, near::local, mpj);
            RankEngine engine = RankEngine.start(transport, abort, link, options.opTimeoutMillis(), codec, coresShared);
            return new RankSession(label, transport, loader, engine, link, group, options);
        } catch (RuntimeException | IOException | Error e) {
            memory.leave(rank);
            if (link != null) {
                link.reportFailure("rank " + rank + " could not start MPJ Express: " + e.getMessage(), e);
            }
            RankSession.tearDown(started.isDone() && !started.isCompletedExceptionally() ? started.join() : null,
                    loader, link, group);
            if (e instanceof MpiException me) {
                throw me;
            }
            throw new MpiException(rank, "MPI_Init", -1, "could not start MPJ Express: " + e.getMessage(), e);
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
            throw new MpiException(rank, "MPI_Init", -1, "could not join its world: " + e.getMessage(), e);
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

    /** Takes MPJ's report on loopback, forwards it to the server, and answers with the peer table. */
    private static ControlLink relay(ServerSocket relay, WorldTicket ticket, String worldKey, int rank, String jvm)
            throws IOException {
        try (Socket mpj = relay.accept()) {
            DataInputStream in = new DataInputStream(mpj.getInputStream());
            DataOutputStream out = new DataOutputStream(mpj.getOutputStream());
            String hello = in.readUTF();
            if (!"Sending Info".equals(hello)) {
                throw new IOException("unexpected start-up message from MPJ Express: " + hello);
            }
            int writePort = in.readInt();
            int readPort = in.readInt();
            int mpjRank = in.readInt();
            if (mpjRank != rank) {
                throw new IOException("MPJ Express reported rank " + mpjRank + ", expected " + rank);
            }
            ControlLink link = ControlLink.join(ticket, worldKey, rank, writePort, readPort, jvm);
            StringBuilder table = new StringBuilder("#Peer Information");
            for (Peer p : link.peers()) {
                table.append(';').append(p.host()).append('@').append(p.readPort()).append('@')
                        .append(p.writePort()).append('@').append(p.rank());
            }
            out.writeUTF(table.toString());
            out.flush();
            return link;
        }
    }

    private static Transport awaitStart(CompletableFuture<Transport> started, AbortState abort, int rank,
                                        long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            try {
                return started.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                abort.check("MPI_Init", -1);
                if (System.nanoTime() > deadline) {
                    throw new MpiException(rank, "MPI_Init", -1, "MPJ Express did not connect to all peers within "
                            + timeoutMillis + " ms");
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new MpiException(rank, "MPI_Init", -1, "MPJ Express failed to start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MpiException(rank, "MPI_Init", -1, "interrupted while starting", e);
            }
        }
    }
}
