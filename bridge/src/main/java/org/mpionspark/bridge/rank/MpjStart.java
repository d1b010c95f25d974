package org.mpionspark.bridge.rank;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.mpj.MpjTransport;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.Peer;
import org.mpionspark.bridge.rendezvous.RemoteError;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.MpiException;

/**
 * MPJ Express's start-up for one rank. MPJ's {@code niodev} reports its ports to a rendezvous
 * server over an unauthenticated socket; that socket stays inside this JVM: it goes to a one-shot
 * loopback listener here, which relays the ports to the driver through an authenticated
 * {@link ControlLink} and writes the peer table back. MPJ's start-up runs on a thread of the
 * rank's own thread group, so every thread MPJ makes is in that group and can be accounted for.
 */
final class MpjStart implements Closeable {

    /** Beyond the rendezvous timeout: how long MPJ Express may take to connect once the peers are known. */
    private static final long CONNECT_MILLIS = 15_000;

    private final int rank;
    private final ServerSocket relay;
    private final long timeoutMillis;
    private final CompletableFuture<Transport> started = new CompletableFuture<>();

    private MpjStart(int rank, ServerSocket relay, long timeoutMillis) {
        this.rank = rank;
        this.relay = relay;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Starts MPJ Express for rank {@code rank} of {@code size} in {@code loader}, on a thread of
     * {@code group}; it reports to this JVM's loopback relay, read by {@link #relay}.
     */
    static MpjStart begin(RankClassLoader loader, ThreadGroup group, WorldTicket ticket, int rank,
                          int protocolSwitchLimit) throws IOException {
        long timeout = ticket.rendezvousTimeoutMillis() + CONNECT_MILLIS;
        ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        MpjStart start = new MpjStart(rank, relay, timeout);
        try {
            relay.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
            Thread init = new Thread(group, () -> start.init(loader, ticket.size(), relay.getLocalPort(),
                    protocolSwitchLimit), "mpi-rank-" + rank + "-init");
            init.setContextClassLoader(loader);
            init.setDaemon(true);
            init.start();
            return start;
        } catch (RuntimeException | Error e) {
            relay.close();
            throw e;
        }
    }

    /**
     * {@link MpjTransport#start}, defined by the rank's own loader: the class named here is never
     * linked in the application's loader, which has no MPJ Express to link it against.
     */
    private void init(RankClassLoader loader, int size, int relayPort, int protocolSwitchLimit) {
        InitOutput.capture();
        try {
            Object t = loader.loadClass(MpjTransport.class.getName())
                    .getMethod("start", int.class, int.class, String.class, int.class, int.class)
                    .invoke(null, rank, size, "127.0.0.1", relayPort, protocolSwitchLimit);
            InitOutput.stop();
            started.complete((Transport) t);
        } catch (Throwable e) {
            // detached copy: MPJ's own exception classes would keep this rank's loader alive
            Throwable cause = RemoteError.of(e instanceof InvocationTargetException ? e.getCause() : e);
            String printed = InitOutput.stop();
            if (!printed.isEmpty()) {
                cause.addSuppressed(new RuntimeException("MPJ Express printed during start-up:\n" + printed));
            }
            started.completeExceptionally(cause);
        }
    }

    /** Takes MPJ's report on loopback, forwards it to the driver, and answers with the peer table. */
    ControlLink relay(WorldTicket ticket, String worldKey, String jvm) throws IOException {
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

    /** Waits until MPJ Express is connected to every peer; ends on an abort or after the timeout. */
    Transport await(AbortState abort) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            try {
                return started.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                abort.check("MPI_Init", -1);
                if (System.nanoTime() > deadline) {
                    throw new MpiException(rank, "MPI_Init", -1, "MPJ Express did not connect to all peers within "
                            + timeoutMillis + " ms");
                }
            } catch (ExecutionException e) {
                throw new MpiException(rank, "MPI_Init", -1, "MPJ Express failed to start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MpiException(rank, "MPI_Init", -1, "interrupted while starting", e);
            }
        }
    }

    /** The transport, if MPJ Express has started; null otherwise (to tear down after a failure). */
    Transport startedOrNull() {
        return started.isDone() && !started.isCompletedExceptionally() ? started.join() : null;
    }

    /** Closes the loopback relay; MPJ Express, if started, is torn down with the rank. */
    @Override
    public void close() throws IOException {
        relay.close();
    }
}
