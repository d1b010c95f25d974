package org.mpionspark.bridge.rank;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.mpj.MpjEndpoint;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.rendezvous.RemoteError;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;

/**
 * MPJ Express's start-up for one JVM's endpoint. MPJ's {@code niodev} reports its ports to a
 * rendezvous server over an unauthenticated socket; that socket stays inside this JVM: it goes to
 * a loopback listener here, which relays the ports to the driver through an authenticated
 * {@link ControlLink} and writes the table of every JVM's endpoint back. MPJ's start-up runs on a
 * thread of the endpoint's own thread group, so every thread MPJ makes is in that group and can
 * be accounted for.
 */
final class MpjStart implements Closeable {

    /** Beyond the rendezvous timeout: how long MPJ Express may take to connect once the peers are known. */
    static final long CONNECT_MILLIS = 15_000;

    /** How long the relay gives one loopback connection to say it is MPJ Express. */
    private static final int REPORT_MILLIS = 5_000;

    private final int rank;
    private final ServerSocket relay;
    private Socket mpj;
    private final long timeoutMillis;
    private final CompletableFuture<Endpoint> started = new CompletableFuture<>();

    private MpjStart(int rank, ServerSocket relay, long timeoutMillis) {
        this.rank = rank;
        this.relay = relay;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Starts MPJ Express as endpoint {@code rank} of {@code size} in {@code loader}, on a thread of
     * {@code group}; it reports to this JVM's loopback relay, read by {@link #report}.
     * {@code endpointOf[r]}: the endpoint of world rank {@code r}; what arrives goes to {@code arrivals}.
     */
    static MpjStart begin(RankClassLoader loader, ThreadGroup group, WorldTicket ticket, int rank, int size,
                          int protocolSwitchLimit, int[] endpointOf, Arrivals arrivals) throws IOException {
        long timeout = ticket.rendezvousTimeoutMillis() + CONNECT_MILLIS;
        ServerSocket relay = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        MpjStart start = new MpjStart(rank, relay, timeout);
        try {
            relay.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
            Thread init = new Thread(group, () -> start.init(loader, size, relay.getLocalPort(),
                    protocolSwitchLimit, endpointOf, arrivals), "mpi-endpoint-" + rank + "-init");
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
     * {@link MpjEndpoint#start}, defined by the endpoint's own loader: the class named here is never
     * linked in the application's loader, which has no MPJ Express to link it against.
     */
    private void init(RankClassLoader loader, int size, int relayPort, int protocolSwitchLimit, int[] endpointOf,
                      Arrivals arrivals) {
        InitOutput.capture();
        try {
            Object t = loader.loadClass(MpjEndpoint.class.getName())
                    .getMethod("start", int.class, int.class, String.class, int.class, int.class, int[].class,
                            Arrivals.class)
                    .invoke(null, rank, size, "127.0.0.1", relayPort, protocolSwitchLimit, endpointOf, arrivals);
            InitOutput.stop();
            started.complete((Endpoint) t);
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

    /**
     * MPJ's report on loopback: {@code {writePort, readPort}} of its device. A connection that
     * is not MPJ's (silent, junk, another rank id) is closed and the relay listens on, until
     * MPJ's own report comes or the start-up's time is up.
     */
    int[] report() throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new IOException("MPJ Express did not report its ports within " + timeoutMillis + " ms");
            }
            relay.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            Socket s = relay.accept();
            try {
                s.setSoTimeout(REPORT_MILLIS);
                DataInputStream in = new DataInputStream(s.getInputStream());
                String hello = in.readUTF();
                int writePort = in.readInt();
                int readPort = in.readInt();
                int mpjRank = in.readInt();
                if ("Sending Info".equals(hello) && mpjRank == rank) {
                    mpj = s;
                    return new int[] {writePort, readPort};
                }
            } catch (IOException notMpj) {
                // not MPJ's report: refused below, and the relay listens on
            }
            s.close();
        }
    }

    /** Answers MPJ's report with every JVM's endpoint, in endpoint order. */
    void answer(List<EndpointAddress> endpoints) throws IOException {
        StringBuilder table = new StringBuilder("#Peer Information");
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointAddress e = endpoints.get(i);
            table.append(';').append(e.host()).append('@').append(e.readPort()).append('@')
                    .append(e.writePort()).append('@').append(i);
        }
        DataOutputStream out = new DataOutputStream(mpj.getOutputStream());
        out.writeUTF(table.toString());
        out.flush();
    }

    /** Completes once MPJ Express is connected to every other endpoint, or fails with why not. */
    CompletableFuture<Endpoint> started() {
        return started;
    }

    /** How long start-up may take in all: the relay's deadline, and the caller's wait for {@link #started}. */
    long timeoutMillis() {
        return timeoutMillis;
    }

    /** Closes the loopback relay; MPJ Express, if started, is torn down with its endpoint. */
    @Override
    public void close() throws IOException {
        try {
            relay.close();
        } finally {
            if (mpj != null) {
                mpj.close();
            }
        }
    }
}
