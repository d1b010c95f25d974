package org.mpionspark.spark.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.mpionspark.spark.MpiConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's end of one run of an {@link org.mpionspark.spark.MpiSession}'s ranks: a socket
 * server on {@code spark.driver.bindAddress} that admits the ranks showing its secret, sends them
 * cells and queues what they answer. One accept thread and one reader per rank, all closed with it.
 */
public final class CellServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CellServer.class);
    private static final int HANDSHAKE_MILLIS = 15_000;

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

    private final ServerSocket server;
    private final CellTicket ticket;
    private final Socket[] ranks;
    private final DataOutputStream[] outs;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private CellServer(ServerSocket server, String advertised, int size, String name) {
        this.server = server;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.ticket = new CellTicket(advertised, server.getLocalPort(), secret, size);
        this.ranks = new Socket[size];
        this.outs = new DataOutputStream[size];
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens where Spark's driver does; ranks are told {@code spark.mpi.rendezvous.host}, else {@code spark.driver.host}. */
    public static CellServer open(SparkConf conf, int size, String name) {
        String host = conf.get("spark.driver.host", "127.0.0.1");
        String bind = conf.get("spark.driver.bindAddress", host);
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getByName(bind), 0), size + 8);
            return new CellServer(s, MpiConf.RENDEZVOUS_HOST.text(conf), size, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the MPI session's cell server on the driver at "
                    + bind + " (spark.driver.bindAddress)", e);
        }
    }

    /** What the ranks need to connect. */
    public CellTicket ticket() {
        return ticket;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                admit(s);
            } catch (IOException | RuntimeException e) {
                LOG.warn("MPI session: refused a connection from {}: {}", s.getRemoteSocketAddress(), e.toString());
                closeQuietly(s);
            }
        }
    }

    private void admit(Socket s) throws IOException {
        s.setSoTimeout(HANDSHAKE_MILLIS);
        s.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        if (in.readInt() != CellWire.MAGIC) {
            throw new IOException("bad magic");
        }
        byte[] secret = new byte[ticket.secret().length];
        in.readFully(secret);
        if (!MessageDigest.isEqual(secret, ticket.secret())) {
            throw new IOException("wrong secret");
        }
        int rank = in.readInt();
        synchronized (this) {
            if (rank < 0 || rank >= ranks.length || ranks[rank] != null) {
                throw new IOException("rank " + rank + " is outside the session's " + ranks.length
                        + " ranks or already connected");
            }
            ranks[rank] = s;
            outs[rank] = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
        }
        s.setSoTimeout(0);
        Thread reader = new Thread(() -> readLoop(rank, s, in), acceptor.getName().replace("-accept", "-rank-" + rank));
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(int rank, Socket s, DataInputStream in) {
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
        closeQuietly(server);
        for (Socket s : ranks) {
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
        closeQuietly(server);
        for (Socket s : ranks) {
            if (s != null) {
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
