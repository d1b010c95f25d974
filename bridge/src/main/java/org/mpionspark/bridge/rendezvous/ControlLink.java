package org.mpionspark.bridge.rendezvous;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A rank's connection to the rendezvous server: {@link #join} admits it and returns the peer
 * table; afterwards the link reports this rank's failure or completion and delivers the world's
 * aborts to an {@link AbortListener}, on a reader thread that ends when the link closes.
 */
public final class ControlLink implements Closeable {

    /** Told when the world must stop: {@code failedRank} is -1 when no rank is to blame. */
    public interface AbortListener {
        void onAbort(int failedRank, String message, Throwable error);
    }

    private static final int CONNECT_TIMEOUT_MS = 15_000;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final List<Peer> peers;
    private final int rank;
    private final WorldTicket ticket;
    private Thread reader;
    private volatile boolean finished;
    private final java.util.concurrent.CompletableFuture<List<EndpointAddress>> endpoints =
            new java.util.concurrent.CompletableFuture<>();

    private ControlLink(Socket socket, DataInputStream in, DataOutputStream out, List<Peer> peers, int rank,
                        WorldTicket ticket) {
        this.ticket = ticket;
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peers = peers;
        this.rank = rank;
    }

    /**
     * Joins world {@code worldKey} as {@code rank}, announcing this rank's JVM key
     * ({@link Peer#jvm}); blocks until
     * every rank has arrived, or fails after the ticket's rendezvous timeout (plus a margin).
     */
    public static ControlLink join(WorldTicket ticket, String worldKey, int rank, String jvm) {
        return join(ticket, worldKey, rank, jvm, null);
    }

    /**
     * As {@link #join(WorldTicket, String, int, String)}; where the ticket says the driver seals the
     * link ({@code spark.network.crypto.enabled}), with {@code sealKey}, the application's secret
     * as read on this executor.
     */
    public static ControlLink join(WorldTicket ticket, String worldKey, int rank, String jvm, byte[] sealKey) {
        return join(ticket, worldKey, rank, jvm, sealKey, local -> 0);
    }

    /** Opens (or finds) this JVM's lane port for the world, on the address this JVM reaches the driver from. */
    @FunctionalInterface
    public interface LanePortOpener {
        /** The port; 0 for none. */
        int open(java.net.InetAddress local) throws IOException;
    }

    /**
     * As {@link #join(WorldTicket, String, int, String, byte[])}, announcing in the hello the lane
     * port {@code lanes} opens once connected ({@link Peer#lanePort}).
     */
    public static ControlLink join(WorldTicket ticket, String worldKey, int rank, String jvm, byte[] sealKey,
                                   LanePortOpener lanes) {
        if (ticket.sealed() && sealKey == null) {
            throw new RendezvousException("rank " + rank + ": the driver encrypts its control links "
                    + "(spark.network.crypto.enabled) with the application's secret, but this executor has none "
                    + "(is spark.authenticate set on it?)", null);
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(ticket.host(), ticket.port()), CONNECT_TIMEOUT_MS);
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ticket.rendezvousTimeoutMillis() + 15_000));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            out.writeInt(Wire.MAGIC);
            out.writeInt(Wire.VERSION);
            out.writeUTF(ticket.registrationId());
            Wire.writeBlob(out, ticket.secret());
            out.writeUTF(worldKey);
            out.writeInt(rank);
            out.writeInt(ticket.size());
            out.writeInt(Runtime.getRuntime().availableProcessors());
            out.writeUTF(jvm);
            out.writeUTF(Kernel.bootId());
            out.writeInt(Kernel.onlineProcessors());
            out.writeInt(lanes.open(s.getLocalAddress()));
            out.flush();
            if (ticket.sealed()) { // the driver's nonce, then everything encrypted
                byte first = in.readByte();
                if (first == Wire.REFUSED) {
                    throw refused(ticket, rank, in);
                }
                if (first != Wire.SEALING) {
                    throw new IOException("unexpected answer " + first + " where the driver seals the link");
                }
                Seal seal = SealedStreams.controlLink(sealKey, ticket.registrationId(), worldKey, rank,
                        SealedStreams.nonceFrom(in), false);
                in = new DataInputStream(SealedStreams.opening(in, seal));
                out = new DataOutputStream(SealedStreams.bufferedSealing(s.getOutputStream(), seal));
            }
            byte status = in.readByte();
            if (status == Wire.REFUSED) {
                throw refused(ticket, rank, in);
            }
            if (status != Wire.ADMITTED) {
                throw new IOException("unexpected answer " + status);
            }
            int n = in.readInt();
            List<Peer> peers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                peers.add(new Peer(i, in.readUTF(), in.readInt(), in.readUTF(), in.readUTF(), in.readInt(), in.readInt()));
            }
            s.setSoTimeout(0);
            return new ControlLink(s, in, out, List.copyOf(peers), rank, ticket);
        } catch (SocketTimeoutException e) {
            close(s);
            throw new RendezvousException("rank " + rank + " waited more than " + ticket.rendezvousTimeoutMillis()
                    + " ms for its peers at the rendezvous server " + ticket.host() + ":" + ticket.port(), e);
        } catch (IOException e) {
            close(s);
            throw new RendezvousException("rank " + rank + " could not join its world at the rendezvous server "
                    + ticket.host() + ":" + ticket.port() + ": " + e, e);
        } catch (RuntimeException e) {
            close(s);
            throw e;
        }
    }

    private static RendezvousException refused(WorldTicket ticket, int rank, DataInputStream in) throws IOException {
        return new RendezvousException("rank " + rank + " was refused by the rendezvous server " + ticket.host() + ":"
                + ticket.port() + ": " + in.readUTF(), null);
    }

    /** The ticket this rank joined its world with: what every rank of the world shares. */
    public WorldTicket ticket() {
        return ticket;
    }

    /** The peer table, in rank order, with the hosts the server saw. */
    public List<Peer> peers() {
        return peers;
    }

    /** Starts delivering aborts; the reader thread joins {@code group} so it is counted with the rank. */
    public void listen(ThreadGroup group, AbortListener listener) {
        reader = new Thread(group, () -> readLoop(listener), "mpi-rank-" + rank + "-control");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(AbortListener listener) {
        try {
            while (true) {
                byte kind = in.readByte();
                if (kind == Wire.ENDPOINTS) {
                    List<EndpointAddress> table = new ArrayList<>();
                    for (int i = in.readInt(); i > 0; i--) {
                        table.add(new EndpointAddress(in.readUTF(), in.readInt(), in.readInt(), 0));
                    }
                    endpoints.complete(List.copyOf(table));
                    continue;
                }
                if (kind != Wire.ABORT) {
                    throw new IOException("unexpected message " + kind);
                }
                int failedRank = in.readInt();
                String message = in.readUTF();
                Throwable error = Wire.decodeError(Wire.readBlob(in), Thread.currentThread().getContextClassLoader());
                listener.onAbort(failedRank, message, error);
            }
        } catch (IOException e) {
            if (!finished) {
                listener.onAbort(-1, "lost the connection to the driver's rendezvous server (" + e + ")", null);
            }
        }
    }

    /**
     * Tells the server where the MPJ Express endpoint this rank started for its JVM listens, where
     * MPJ Express carries every message ({@code spark.mpi.network.lanes=false}; lanes' ports travel
     * in the hellos); the table of every JVM's endpoint comes back on {@link #endpoints()}. Needs
     * {@link #listen}.
     */
    public synchronized void publishEndpoint(int writePort, int readPort) throws IOException {
        out.writeByte(Wire.ENDPOINT);
        out.writeInt(writePort);
        out.writeInt(readPort);
        out.flush();
    }

    /** The address this JVM reaches the driver from: the one the driver tells the other JVMs. */
    public java.net.InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    /** Every JVM's endpoint in {@link Peer#jvmOrder} order, once each has started; to ranks that published one. */
    public java.util.concurrent.CompletableFuture<List<EndpointAddress>> endpoints() {
        return endpoints;
    }

    /** Tells the world this rank failed, so the others are freed; best effort. */
    public synchronized void reportFailure(String message, Throwable error) {
        try {
            out.writeByte(Wire.FAILED);
            out.writeUTF(RendezvousServer.truncate(message));
            Wire.writeBlob(out, Wire.encodeError(error));
            out.flush();
        } catch (IOException ignored) {
            // the driver is gone; the other ranks learn of it from their own links
        }
    }

    /**
     * Tells the server what this rank is blocked in ({@code call} non-null: the call, its peer,
     * {@code progress} its bytes moved so far) or that it runs its own code again ({@code null});
     * the server's watchdog reads these. Best effort.
     */
    public void reportState(String call, long progress) {
        reportState(call, progress, false);
    }

    /**
     * As {@link #reportState(String, long)}; {@code polling}: the rank's own code polls {@code call}
     * in vain, which holds for the driver only while such reports keep coming (a lease, {@link RankActivity}).
     */
    public void reportState(String call, long progress, boolean polling) {
        reportState(call, progress, polling, null);
    }

    /**
     * As above; {@code collective}: the collective call the wait belongs to ({@link CollectiveCall#encode()}),
     * or null: what the driver compares to name the rank of a mismatch that called differently.
     */
    public synchronized void reportState(String call, long progress, boolean polling, String collective) {
        if (finished) {
            return;
        }
        try {
            out.writeByte(Wire.STATE);
            out.writeByte(call == null ? Wire.RUNNING : polling ? Wire.POLLING : Wire.BLOCKED);
            out.writeUTF(call == null ? "" : RendezvousServer.truncate(call));
            out.writeLong(progress);
            out.writeUTF(call == null || collective == null ? "" : RendezvousServer.truncate(collective));
            out.flush();
        } catch (IOException ignored) {
            // the driver is gone; the reader thread reports that
        }
    }

    /** Tells the server this rank finished cleanly, then closes. */
    public synchronized void done() {
        finished = true;
        try {
            out.writeByte(Wire.DONE);
            out.flush();
        } catch (IOException ignored) {
            // closing anyway
        }
        close();
    }

    @Override
    public void close() {
        finished = true;
        close(socket);
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
