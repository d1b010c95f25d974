package org.mpionspark.spark.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.rendezvous.HandshakeSelector;
import org.mpionspark.bridge.rendezvous.RefusalLog;
import org.mpionspark.bridge.rendezvous.Seal;
import org.mpionspark.bridge.rendezvous.SealedStreams;
import org.mpionspark.spark.MpiConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's end of one run of an {@link org.mpionspark.spark.MpiSession}'s ranks: a socket
 * server on {@code spark.driver.bindAddress} that admits the ranks showing its secret, sends them
 * cells and queues what they answer. Handshakes are read as the rendezvous reads its own
 * ({@link HandshakeSelector}: one thread, a deadline each, a cap), so connections from other local
 * processes cannot hold the port; only an admitted rank gets a reader thread. All closed with it.
 */
public final class CellServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CellServer.class);

    /** Something a rank said, or that its connection was lost. */
    public sealed interface Reply permits Ready, Answer, Lost {
        int rank();
    }

    /** The rank is in its world and waits for cells. */
    public record Ready(int rank) implements Reply {
    }

    /** The rank's answer to a cell. */
    public record Answer(int rank, CellWire.Result result) implements Reply {
    }

    /** The rank's connection ended (its task ended, or failed). */
    public record Lost(int rank, String why) implements Reply {
    }

    /** What a rank says when it connects: its rank and the session's secret. */
    private record Hello(int rank, byte[] secret) {
    }

    private final String name;
    private final CellTicket ticket;
    /** The application's secret the cells travel encrypted with; null: in the clear. */
    private final byte[] sealKey;
    private final RefusalLog refusals;
    private final HandshakeSelector<Hello> handshakes;
    /** Ranks whose handshake was taken: each connects once. Selector thread only. */
    private final boolean[] claimed;
    private final SocketChannel[] ranks;
    private final DataOutputStream[] outs;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private CellServer(InetSocketAddress bind, String advertised, int size, String name, byte[] sealKey)
            throws IOException {
        this.name = name;
        this.sealKey = sealKey;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.claimed = new boolean[size];
        this.ranks = new SocketChannel[size];
        this.outs = new DataOutputStream[size];
        this.refusals = new RefusalLog("MPI session " + name + ", cell server", LOG::warn);
        this.handshakes = new HandshakeSelector<>(bind, Defaults.HANDSHAKE_TIMEOUT.toMillis(), new Admission(secret),
                refusals, r -> {
                    Thread t = new Thread(r, name + "-handshake");
                    t.setDaemon(true);
                    return t;
                });
        this.ticket = new CellTicket(advertised, handshakes.address().getPort(), secret, size, sealKey != null);
    }

    /** Listens where Spark's driver does; ranks are told {@code spark.mpi.rendezvous.host}, else {@code spark.driver.host}. */
    public static CellServer open(SparkConf conf, int size, String name) {
        String host = conf.get("spark.driver.host", "127.0.0.1");
        String bind = conf.get("spark.driver.bindAddress", host);
        try {
            return new CellServer(new InetSocketAddress(InetAddress.getByName(bind), 0), MpiConf.RENDEZVOUS_HOST.text(conf),
                    size, name, DriverRendezvous.sealKey(conf));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the MPI session's cell server on the driver at "
                    + bind + " (spark.driver.bindAddress)", e);
        }
    }

    /** The seal of rank {@code rank}'s connection to the cell server at {@code port}; {@code driverSide}: the server's end. */
    static Seal sealOf(byte[] secret, int port, int rank, byte[] nonce, boolean driverSide) {
        return SealedStreams.seal(secret, "session cells", port + "\0" + rank, nonce, driverSide);
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return handshakes.address();
    }

    /** The connections it refused, and the log lines they cost. */
    public RefusalLog refusals() {
        return refusals;
    }

    /** Connections whose handshake is under way. */
    public int pendingHandshakes() {
        return handshakes.pending();
    }

    /** What the ranks need to connect. */
    public CellTicket ticket() {
        return ticket;
    }

    /** The session's handshake: {@link CellWire#MAGIC}, the secret, the rank; read and checked on the selector thread. */
    private final class Admission implements HandshakeSelector.Admission<Hello> {
        private final byte[] secret;

        Admission(byte[] secret) {
            this.secret = secret;
        }

        @Override
        public int maxBytes() {
            return 8 + secret.length;
        }

        @Override
        public HandshakeSelector.Handshake<Hello> parse(byte[] buf, int length) throws ProtocolException {
            if (length < 4) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(buf, 0, length);
            if (b.getInt() != CellWire.MAGIC) {
                throw new ProtocolException("not a rank of an MPI session (bad magic)");
            }
            if (length < maxBytes()) {
                return null;
            }
            byte[] shown = new byte[secret.length];
            b.get(shown);
            int rank = b.getInt();
            byte[] leftover = new byte[b.remaining()];
            b.get(leftover);
            return new HandshakeSelector.Handshake<>(new Hello(rank, shown), leftover);
        }

        @Override
        public String check(Hello h) {
            if (!MessageDigest.isEqual(h.secret(), secret)) {
                return "wrong secret";
            }
            if (h.rank() < 0 || h.rank() >= claimed.length) {
                return "rank " + h.rank() + " is outside the session's " + claimed.length + " ranks";
            }
            if (claimed[h.rank()]) {
                return "rank " + h.rank() + " is connected already";
            }
            claimed[h.rank()] = true;
            return null;
        }

        @Override
        public void admit(SocketChannel channel, Hello h, byte[] leftover) {
            Thread reader = new Thread(() -> serve(h.rank(), channel, leftover), name + "-rank-" + h.rank());
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public byte[] refusal(String reason) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(CellWire.REFUSED);
                out.writeUTF(reason);
            } catch (IOException e) {
                throw new IllegalStateException(e); // not from a byte array
            }
            return bytes.toByteArray();
        }
    }

    /** Runs on the rank's own reader thread: its connection joins the session, then its frames are read. */
    private void serve(int rank, SocketChannel channel, byte[] leftover) {
        Socket s = channel.socket();
        DataInputStream in;
        try {
            s.setTcpNoDelay(true);
            java.io.InputStream input = new BufferedInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(leftover), s.getInputStream()));
            java.io.OutputStream output = s.getOutputStream();
            if (sealKey != null) { // from here on encrypted: the nonce, in the clear, makes this connection's keys
                Seal seal = sealOf(sealKey, ticket.port(), rank, SealedStreams.offer(output, CellWire.SEALING), true);
                input = SealedStreams.opening(input, seal);
                output = SealedStreams.sealing(output, seal);
            }
            in = new DataInputStream(input);
            synchronized (this) {
                if (closed) {
                    throw new IOException("the session was closed");
                }
                ranks[rank] = channel;
                outs[rank] = new DataOutputStream(new BufferedOutputStream(output, SealedStreams.MAX_FRAME));
            }
        } catch (IOException | RuntimeException e) {
            refusals.refused(String.valueOf(s.getRemoteSocketAddress()), "rank " + rank + ": " + e);
            closeQuietly(channel);
            return;
        }
        readLoop(rank, channel, in);
    }

    private void readLoop(int rank, SocketChannel s, DataInputStream in) {
        try {
            while (true) {
                byte kind = in.readByte();
                if (kind == CellWire.READY) {
                    replies.add(new Ready(rank));
                } else if (kind == CellWire.RESULT) {
                    replies.add(new Answer(rank, CellWire.Result.read(rank, in)));
                } else {
                    throw new IOException("unexpected frame " + kind);
                }
            }
        } catch (IOException e) {
            replies.add(new Lost(rank, closed ? "the session was closed" : e.toString()));
        } finally {
            closeQuietly(s);
        }
    }

    /**
     * Sends cell {@code id} to every rank; {@code targeted[r]} says whether rank r runs it. Each rank
     * learns which ranks run it: a collective of the cell that needs others fails at once.
     */
    public synchronized void sendCell(long id, boolean[] targeted, byte[] cell) {
        int[] runners = java.util.stream.IntStream.range(0, targeted.length).filter(r -> targeted[r]).toArray();
        for (int r = 0; r < outs.length; r++) {
            DataOutputStream out = outs[r];
            if (out == null) {
                replies.add(new Lost(r, "not connected"));
                continue;
            }
            try {
                out.writeByte(CellWire.CELL);
                out.writeLong(id);
                out.writeBoolean(targeted[r]);
                out.writeInt(runners.length);
                for (int runner : runners) {
                    out.writeInt(runner);
                }
                CellWire.writeBlob(out, targeted[r] ? cell : new byte[0]);
                out.flush();
            } catch (IOException e) {
                replies.add(new Lost(r, e.toString()));
            }
        }
    }

    /** The next reply, waiting up to {@code millis}; null if none came. */
    public Reply poll(long millis) throws InterruptedException {
        return replies.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Tells every rank to end its loop (their tasks then end), and closes every connection. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (int r = 0; r < outs.length; r++) {
                if (outs[r] != null) {
                    try {
                        outs[r].writeByte(CellWire.CLOSE);
                        outs[r].flush();
                    } catch (IOException ignored) {
                        // the rank is gone already
                    }
                }
            }
        }
        handshakes.close();
        for (SocketChannel s : ranks()) {
            if (s != null) {
                try {
                    s.shutdownOutput(); // the rank reads CLOSE, then EOF; its reader here sees EOF when it closes
                } catch (IOException ignored) {
                    closeQuietly(s);
                }
            }
        }
    }

    /**
     * Closes every socket now, without a {@link CellWire#CLOSE} if none was sent: the ranks then
     * fail at once instead of ending in order (for an application that is going away).
     */
    public void closeNow() {
        synchronized (this) {
            closed = true;
        }
        handshakes.close();
        for (SocketChannel s : ranks()) {
            if (s != null) {
                closeQuietly(s);
            }
        }
    }

    private synchronized SocketChannel[] ranks() {
        return ranks.clone();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
