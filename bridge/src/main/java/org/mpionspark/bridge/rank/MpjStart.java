package org.mpionspark.bridge.rank;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mpionspark.bridge.dataport.PortGuard;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.mpj.MpjEndpoint;
import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.rendezvous.EndpointAddress;
import org.mpionspark.bridge.rendezvous.HandshakeSelector;
import org.mpionspark.bridge.rendezvous.RefusalLog;
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
    private static final System.Logger LOG = System.getLogger(MpjStart.class.getName());

    /** MPJ's report: where its device listens, and the connection on which it waits for the peer table. */
    private record Report(SocketChannel channel, int writePort, int readPort) {
    }

    private final int rank;
    private final PortGuard guard;
    private final HandshakeSelector<int[]> relay;
    private final CompletableFuture<Report> reported;
    private final long timeoutMillis;
    private final CompletableFuture<Endpoint> started = new CompletableFuture<>();

    private MpjStart(int rank, PortGuard guard, HandshakeSelector<int[]> relay, CompletableFuture<Report> reported,
                     long timeoutMillis) {
        this.rank = rank;
        this.guard = guard;
        this.relay = relay;
        this.reported = reported;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Starts MPJ Express as endpoint {@code rank} of {@code size} in {@code loader}, on a thread of
     * {@code group}; it reports to this JVM's loopback relay, read by {@link #report}. Its data
     * ports are {@code guard}'s, which this closes.
     * {@code endpointOf[r]}: the endpoint of world rank {@code r}; what arrives goes to {@code arrivals}.
     */
    static MpjStart begin(RankClassLoader loader, ThreadGroup group, PortGuard guard, WorldTicket ticket, int rank, int size,
                          int protocolSwitchLimit, int[] endpointOf, Arrivals arrivals) throws IOException {
        long timeout = ticket.rendezvousTimeoutMillis() + CONNECT_MILLIS;
        CompletableFuture<Report> reported = new CompletableFuture<>();
        HandshakeSelector<int[]> relay = new HandshakeSelector<>(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), REPORT_MILLIS,
                new RelayAdmission(rank, reported),
                new RefusalLog("MPJ Express start-up relay of " + group.getName(),
                        line -> LOG.log(System.Logger.Level.WARNING, line)),
                r -> {
                    Thread t = new Thread(group, r, "mpi-endpoint-" + rank + "-relay");
                    t.setDaemon(true);
                    return t;
                });
        MpjStart start = new MpjStart(rank, guard, relay, reported, timeout);
        try {
            Thread init = new Thread(group, () -> start.init(loader, size, relay.address().getPort(),
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
        guard.enter(); // MPJ's selector thread, started from here, inherits it
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
     * MPJ's report on loopback: {@code {writePort, readPort}} of its device. The relay reads every
     * connection on one thread, each under a deadline; one that is not MPJ's (silent, junk, another
     * rank id) is refused and logged, and the relay listens on until MPJ's own report comes.
     */
    int[] report() throws IOException {
        try {
            Report r = reported.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new int[] {r.writePort(), r.readPort()};
        } catch (TimeoutException e) {
            throw new IOException("MPJ Express did not report its ports within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new IOException("the relay failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for MPJ Express's report");
        }
    }

    /** Answers MPJ's report with every JVM's endpoint, in endpoint order. */
    void answer(List<EndpointAddress> endpoints) throws IOException {
        guard.endpoints(endpoints);
        StringBuilder table = new StringBuilder("#Peer Information");
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointAddress e = endpoints.get(i);
            table.append(';').append(e.host()).append('@').append(e.readPort()).append('@')
                    .append(e.writePort()).append('@').append(i);
        }
        DataOutputStream out = new DataOutputStream(java.nio.channels.Channels.newOutputStream(reported.join().channel()));
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
        relay.close();
        guard.close();
        Report r = reported.getNow(null);
        if (r != null) {
            r.channel().close();
        }
    }

    /** The relay's protocol: MPJ's start-up report, {@code writeUTF("Sending Info")} and three ints. */
    private static final class RelayAdmission implements HandshakeSelector.Admission<int[]> {
        private final int rank;
        private final CompletableFuture<Report> reported;

        RelayAdmission(int rank, CompletableFuture<Report> reported) {
            this.rank = rank;
            this.reported = reported;
        }

        @Override
        public int maxBytes() {
            return 64;
        }

        @Override
        public HandshakeSelector.Handshake<int[]> parse(byte[] buf, int length) throws ProtocolException {
            ByteArrayInputStream bytes = new ByteArrayInputStream(buf, 0, length);
            DataInputStream in = new DataInputStream(bytes);
            try {
                if (!"Sending Info".equals(in.readUTF())) {
                    throw new ProtocolException("not MPJ Express's start-up report");
                }
                int[] ports = {in.readInt(), in.readInt(), in.readInt()};
                return new HandshakeSelector.Handshake<>(ports, bytes.readAllBytes());
            } catch (EOFException incomplete) {
                return null;
            } catch (ProtocolException e) {
                throw e;
            } catch (IOException e) {
                throw new ProtocolException("not MPJ Express's start-up report: " + e.getMessage());
            }
        }

        @Override
        public String check(int[] report) {
            if (report[2] != rank) {
                return "MPJ Express reported rank " + report[2] + ", expected " + rank;
            }
            return reported.isDone() ? "MPJ Express has reported already" : null;
        }

        @Override
        public void admit(SocketChannel channel, int[] report, byte[] leftover) {
            if (!reported.complete(new Report(channel, report[0], report[1]))) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // refused either way
                }
            }
        }

        @Override
        public byte[] refusal(String reason) {
            return new byte[0];
        }
    }
}
