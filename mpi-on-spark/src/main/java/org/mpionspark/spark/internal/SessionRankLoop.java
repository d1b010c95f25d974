package org.mpionspark.spark.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.mpionspark.bridge.comm.EngineAccess;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rank.ThreadOutput;
import org.mpionspark.bridge.rendezvous.Seal;
import org.mpionspark.bridge.rendezvous.SealedStreams;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.CellFunction;
import org.mpionspark.spark.RankFunction;
import org.mpionspark.spark.RankState;
import scala.reflect.ClassTag$;

/**
 * The body of each rank of an {@link org.mpionspark.spark.MpiSession}: connects to the session's
 * {@link CellServer}, then runs every cell it is sent with the world communicator and this rank's
 * {@link RankState}, until the driver closes the session. After each cell every rank, targeted or
 * not, meets the others in a barrier on a private duplicate of the world: a rank whose cell failed
 * thus waits in an MPI call, so ranks left waiting for it make a deadlock the watchdog reports; and a
 * barrier that fails tells the rank its world is gone.
 */
public final class SessionRankLoop implements RankFunction<Integer> {

    private static final long serialVersionUID = 1L;
    private static final int OUTPUT_LIMIT = 1 << 20;
    private static final int POLL_MILLIS = 200;
    private static final int FRAME_MILLIS = 60_000;

    private final CellTicket ticket;
    private final RankOptions options;
    private final StateFactory states;

    /** Makes a rank's empty state (the constructor is the public package's own). */
    public interface StateFactory extends java.io.Serializable {
        RankState create(int rank);
    }

    public SessionRankLoop(CellTicket ticket, RankOptions options, StateFactory states) {
        this.ticket = ticket;
        this.options = options;
        this.states = states;
    }

    @Override
    public Integer call(Communicator comm) throws Exception {
        int rank = comm.rank();
        Communicator cellEnd = comm.dup();
        RankState state = states.create(rank);
        Results.Encoder encoder = new Results.Encoder(options, rank);
        int cells = 0;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ticket.host(), ticket.port()), FRAME_MILLIS);
            s.setTcpNoDelay(true);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            out.writeInt(CellWire.MAGIC);
            out.write(ticket.secret());
            out.writeInt(rank);
            if (ticket.sealed()) { // the driver's nonce, then everything encrypted
                out.flush();
                Seal seal = sealed(s, in, rank);
                in = new DataInputStream(SealedStreams.opening(in, seal));
                out = new DataOutputStream(SealedStreams.bufferedSealing(s.getOutputStream(), seal));
            }
            out.writeByte(CellWire.READY);
            out.flush();
            while (true) {
                int kind = nextFrame(s, in, rank);
                if (kind == CellWire.CLOSE) {
                    return cells; // the session was closed: the rank ends in order
                }
                if (kind == CellWire.REFUSED) {
                    throw new IllegalStateException("rank " + rank + " of the MPI session was refused by its driver: "
                            + in.readUTF());
                }
                if (kind != CellWire.CELL) { // the driver went away without closing: fail at once, no finalize
                    throw new IllegalStateException("rank " + rank + " of the MPI session lost its driver's connection "
                            + "(the application ended?)");
                }
                long id = in.readLong();
                boolean targeted = in.readBoolean();
                int[] runners = new int[CellWire.checkedCount(in.readInt(), comm.size(), "cell ranks")];
                for (int i = 0; i < runners.length; i++) {
                    runners[i] = in.readInt();
                }
                byte[] bytes = CellWire.readBlob(in);
                s.setSoTimeout(0);
                CellWire.Result result = targeted ? runCell(rank, id, bytes, comm, state, encoder, runners)
                        : new CellWire.Result(rank, id, null, null, "", "", null);
                MpiException broken = null;
                try {
                    cellEnd.barrier();
                } catch (MpiException e) {
                    broken = e;
                }
                new CellWire.Result(rank, id, result.value(), result.error(), result.stdout(), result.stderr(),
                        broken == null ? null : broken.getMessage()).write(out);
                cells++;
                if (broken != null) {
                    throw broken; // the world is gone: this rank's task ends, and the session starts new ones
                }
            }
        }
    }

    /** The next frame's kind, or -1 at the end of the stream; checks for a killed task while waiting. */
    /**
     * The seal of this rank's connection, once the driver has answered its hello with a nonce
     * (bounded by the frame timeout): keys from the application's secret, read on this executor.
     */
    private Seal sealed(Socket s, DataInputStream in, int rank) throws IOException {
        byte[] secret = BarrierRank.applicationSecret();
        if (secret == null) {
            throw new IllegalStateException("rank " + rank + " of the MPI session: the driver encrypts its cells "
                    + "(spark.network.crypto.enabled) with the application's secret, but this executor has none (is "
                    + "spark.authenticate set on it?)");
        }
        s.setSoTimeout(FRAME_MILLIS);
        try {
            int first = in.read();
            if (first == CellWire.REFUSED) {
                throw new IllegalStateException("rank " + rank + " of the MPI session was refused by its driver: "
                        + in.readUTF());
            }
            if (first != CellWire.SEALING) {
                throw new IllegalStateException("rank " + rank + " of the MPI session: its driver at " + ticket.host()
                        + ":" + ticket.port() + " did not answer as one that encrypts its cells");
            }
            return CellServer.sealOf(secret, ticket.port(), rank, SealedStreams.nonceFrom(in), false);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("rank " + rank + " of the MPI session: its driver at " + ticket.host() + ":"
                    + ticket.port() + " did not answer its hello within " + FRAME_MILLIS + " ms", e);
        }
    }

    private static int nextFrame(Socket s, DataInputStream in, int rank) throws IOException {
        s.setSoTimeout(POLL_MILLIS);
        while (true) {
            try {
                int kind = in.read();
                s.setSoTimeout(FRAME_MILLIS);
                return kind;
            } catch (SocketTimeoutException e) {
                TaskContext tc = TaskContext.get();
                if (tc != null && tc.isInterrupted()) {
                    throw new IllegalStateException("rank " + rank + " of the MPI session: its task was killed ("
                            + tc.getKillReason().getOrElse(() -> "cancelled") + ")");
                }
            } catch (EOFException | java.net.SocketException e) {
                return -1;
            }
        }
    }

    private CellWire.Result runCell(int rank, long id, byte[] bytes, Communicator comm, RankState state,
                                    Results.Encoder encoder, int[] runners) {
        byte[] value = null;
        Throwable error = null;
        try (ThreadOutput.Capture c = ThreadOutput.start(true, true, OUTPUT_LIMIT)) {
            try (AutoCloseable logLines = CellLog.capture();
                 AutoCloseable scope = runners.length == comm.size() ? () -> { }
                         : EngineAccess.limitCollectives(comm, runners, "this cell, which runs on ranks "
                         + java.util.Arrays.toString(runners) + " only (px.on(...))")) {
                CellFunction<?> cell = SparkEnv.get().closureSerializer().newInstance().deserialize(ByteBuffer.wrap(bytes),
                        Thread.currentThread().getContextClassLoader(), ClassTag$.MODULE$.apply(CellFunction.class));
                Object v = ScalaConsole.toSystemStreams(() -> cell.call(comm, state));
                value = CellValues.encode(v instanceof scala.runtime.BoxedUnit ? null : v, encoder);
            } catch (Throwable t) {
                error = t;
            }
            System.out.flush();
            System.err.flush();
            return new CellWire.Result(rank, id, value, error == null ? null : describe(error), c.stdout(), c.stderr(),
                    null);
        }
    }

    /** Decodes a value a rank returned, with the calling thread's class loader. */
    public static Object decodeValue(byte[] bytes, RankOptions options) {
        return CellValues.decode(bytes, options);
    }

    /** The error and its causes, one line each. */
    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append("\ncaused by ").append(c);
        }
        return s.toString();
    }
}
