package org.mpionspark.bridge;

import java.util.Objects;

import org.mpionspark.bridge.collective.Allreduce;
import org.mpionspark.bridge.collective.Barrier;
import org.mpionspark.bridge.collective.Bcast;
import org.mpionspark.bridge.collective.Links;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Status;

/**
 * The {@link Communicator} of one rank over a {@link Transport}: checks arguments before any byte
 * moves, waits through the {@link Waiter}, and runs the collectives of
 * {@code org.mpionspark.bridge.collective} on the transport's collective channel.
 */
public final class RankCommunicator implements Communicator {

    private final Transport transport;
    private final Waiter waiter;
    private final ObjectCodec codec;
    private final int rank;
    private final int size;
    private final CollectiveLinks links = new CollectiveLinks();
    private int collectiveSeq;

    public RankCommunicator(Transport transport, AbortState abort, long opTimeoutMillis, ObjectCodec codec) {
        this.transport = transport;
        this.rank = transport.rank();
        this.size = transport.size();
        this.waiter = new Waiter(rank, opTimeoutMillis, abort);
        this.codec = codec;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    // ---------------------------------------------------------------------------- point-to-point

    @Override
    public void send(double[] buf, int dest, int tag) {
        send(ArrayKind.DOUBLE, buf, dest, tag);
    }

    @Override
    public void send(int[] buf, int dest, int tag) {
        send(ArrayKind.INT, buf, dest, tag);
    }

    @Override
    public void send(long[] buf, int dest, int tag) {
        send(ArrayKind.LONG, buf, dest, tag);
    }

    @Override
    public Status recv(double[] buf, int source, int tag) {
        return recv(ArrayKind.DOUBLE, buf, source, tag);
    }

    @Override
    public Status recv(int[] buf, int source, int tag) {
        return recv(ArrayKind.INT, buf, source, tag);
    }

    @Override
    public Status recv(long[] buf, int source, int tag) {
        return recv(ArrayKind.LONG, buf, source, tag);
    }

    private void send(ArrayKind kind, Object buf, int dest, int tag) {
        String op = "send(" + kind.elementName() + "[], dest=" + dest + ", tag=" + tag + ")";
        checkBuffer(op, buf);
        checkRank(op, "dest", dest, false);
        checkTag(op, tag, false);
        int count = kind.length(buf);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, kind, buf, 0, count, dest, tag), op, dest);
        waiter.await(p::test, op, dest);
    }

    private Status recv(ArrayKind kind, Object buf, int source, int tag) {
        String op = "recv(" + kind.elementName() + "[], source=" + source + ", tag=" + tag + ")";
        checkBuffer(op, buf);
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        int capacity = kind.length(buf);
        int[] probe = waiter.await(() -> transport.iprobe(Transport.USER, source, tag), op, source);
        int from = probe[0];
        int kindOrdinal = probe[3];
        if (kindOrdinal != kind.ordinal()) {
            String held = kindOrdinal < 0 ? "a message of another type" : ArrayKind.values()[kindOrdinal].elementName() + " values";
            throw new MpiException(rank, op, from, "the message from rank " + from + " (tag " + probe[1]
                    + ") holds " + held + ", not " + kind.elementName() + "; it is left for a matching receive");
        }
        if (probe[2] > capacity) {
            throw new MpiException(rank, op, from, "the message from rank " + from + " (tag " + probe[1] + ") holds "
                    + probe[2] + " " + kind.elementName() + " values but the buffer holds only " + capacity
                    + "; it is left for a larger receive");
        }
        Transport.Pending p = waiter.call(() -> transport.irecv(Transport.USER, kind, buf, 0, probe[2], from, probe[1]), op, from);
        waiter.await(p::test, op, from);
        return new Status(from, probe[1], probe[2]);
    }

    @Override
    public void sendObject(Object obj, int dest, int tag) {
        String op = "sendObject(dest=" + dest + ", tag=" + tag + ")";
        checkRank(op, "dest", dest, false);
        checkTag(op, tag, false);
        byte[] bytes = encode(op, obj);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, ArrayKind.BYTE, bytes, 0, bytes.length, dest, tag), op, dest);
        waiter.await(p::test, op, dest);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T recvObject(int source, int tag) {
        String op = "recvObject(source=" + source + ", tag=" + tag + ")";
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        int[] probe = waiter.await(() -> transport.iprobe(Transport.USER, source, tag), op, source);
        if (probe[3] != ArrayKind.BYTE.ordinal()) {
            throw new MpiException(rank, op, probe[0], "the message from rank " + probe[0] + " (tag " + probe[1]
                    + ") is an array, not an object: receive it with recv(" + (probe[3] < 0 ? "?"
                    : ArrayKind.values()[probe[3]].elementName()) + "[], ...)");
        }
        byte[] bytes = new byte[probe[2]];
        Transport.Pending p = waiter.call(() -> transport.irecv(Transport.USER, ArrayKind.BYTE, bytes, 0, bytes.length, probe[0], probe[1]), op, probe[0]);
        waiter.await(p::test, op, probe[0]);
        return (T) decode(op, bytes, probe[0]);
    }

    // ------------------------------------------------------------------------------- collectives

    @Override
    public void barrier() {
        links.begin("barrier()");
        Barrier.run(links);
    }

    @Override
    public void bcast(double[] buf, int root) {
        bcast(ArrayKind.DOUBLE, buf, root);
    }

    @Override
    public void bcast(int[] buf, int root) {
        bcast(ArrayKind.INT, buf, root);
    }

    @Override
    public void bcast(long[] buf, int root) {
        bcast(ArrayKind.LONG, buf, root);
    }

    private void bcast(ArrayKind kind, Object buf, int root) {
        String op = "bcast(" + kind.elementName() + "[], root=" + root + ")";
        checkBuffer(op, buf);
        checkRank(op, "root", root, false);
        links.begin(op);
        Bcast.run(links, kind, buf, 0, kind.length(buf), root);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T bcastObject(T obj, int root) {
        String op = "bcastObject(root=" + root + ")";
        checkRank(op, "root", root, false);
        byte[] bytes = rank == root ? encode(op, obj) : null;
        int[] length = {bytes == null ? 0 : bytes.length};
        links.begin(op);
        Bcast.run(links, ArrayKind.INT, length, 0, 1, root);
        if (rank != root) {
            bytes = new byte[length[0]];
        }
        Bcast.run(links, ArrayKind.BYTE, bytes, 0, bytes.length, root);
        return rank == root ? obj : (T) decode(op, bytes, root);
    }

    @Override
    public void allreduce(double[] sendbuf, double[] recvbuf, Op op) {
        allreduce(ArrayKind.DOUBLE, sendbuf, recvbuf, Double.BYTES, op);
    }

    @Override
    public void allreduce(long[] sendbuf, long[] recvbuf, Op op) {
        allreduce(ArrayKind.LONG, sendbuf, recvbuf, Long.BYTES, op);
    }

    @Override
    public void allreduce(int[] sendbuf, int[] recvbuf, Op op) {
        allreduce(ArrayKind.INT, sendbuf, recvbuf, Integer.BYTES, op);
    }

    private void allreduce(ArrayKind kind, Object sendbuf, Object recvbuf, int elementBytes, Op op) {
        String name = "allreduce(" + kind.elementName() + "[], " + op + ")";
        checkBuffer(name, sendbuf);
        checkBuffer(name, recvbuf);
        Objects.requireNonNull(op, () -> name + ": op is null");
        int count = kind.length(sendbuf);
        if (kind.length(recvbuf) != count) {
            throw new IllegalArgumentException(name + ": recvbuf holds " + kind.length(recvbuf)
                    + " elements but sendbuf holds " + count);
        }
        if (sendbuf != recvbuf) {
            System.arraycopy(sendbuf, 0, recvbuf, 0, count);
        }
        links.begin(name);
        Allreduce.run(links, kind, recvbuf, count, elementBytes, op);
    }

    // ---------------------------------------------------------------------------------- checks

    private void checkRank(String op, String what, int r, boolean anyAllowed) {
        if (anyAllowed && r == ANY_SOURCE) {
            return;
        }
        if (r < 0 || r >= size) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": " + what + " " + r
                    + " is not a rank of this communicator (0.." + (size - 1) + ")");
        }
    }

    private void checkTag(String op, int tag, boolean anyAllowed) {
        if (anyAllowed && tag == ANY_TAG) {
            return;
        }
        if (tag < 0 || tag > TAG_UB) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": tag " + tag
                    + " is outside 0.." + TAG_UB);
        }
    }

    private void checkBuffer(String op, Object buf) {
        if (buf == null) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": buffer is null");
        }
    }

    private byte[] encode(String op, Object obj) {
        try {
            return codec.encode(obj);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": cannot serialise "
                    + (obj == null ? "null" : obj.getClass().getName()) + " with Kryo: " + e, e);
        }
    }

    private Object decode(String op, byte[] bytes, int peer) {
        try {
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            throw new MpiException(rank, op, peer, "cannot deserialise the object received (" + bytes.length
                    + " bytes); is its class on this executor's class path? " + e, e);
        }
    }

    /** The collective channel as the algorithms see it; one tag per collective call. */
    private final class CollectiveLinks implements Links {
        private String operation = "collective";
        private int tag;

        void begin(String operation) {
            this.operation = operation;
            this.tag = collectiveSeq;
            collectiveSeq = (collectiveSeq + 1) & TAG_UB;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int tag() {
            return tag;
        }

        @Override
        public void send(ArrayKind kind, Object buf, int offset, int count, int dest) {
            String op = operation + " sending to rank " + dest;
            Transport.Pending p = waiter.call(() -> transport.isend(Transport.COLLECTIVE, kind, buf, offset, count, dest, tag), op, dest);
            waiter.await(p::test, op, dest);
        }

        @Override
        public void recv(ArrayKind kind, Object buf, int offset, int count, int source) {
            String op = operation + " receiving from rank " + source;
            Transport.Pending p = waiter.call(() -> transport.irecv(Transport.COLLECTIVE, kind, buf, offset, count, source, tag), op, source);
            waiter.await(p::test, op, source);
        }

        @Override
        public void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                             Object recvbuf, int recvOffset, int recvCount, int source) {
            String in = operation + " receiving from rank " + source;
            String out = operation + " sending to rank " + dest;
            Transport.Pending r = waiter.call(() -> transport.irecv(Transport.COLLECTIVE, kind, recvbuf, recvOffset, recvCount, source, tag), in, source);
            Transport.Pending s = waiter.call(() -> transport.isend(Transport.COLLECTIVE, kind, sendbuf, sendOffset, sendCount, dest, tag), out, dest);
            waiter.await(r::test, in, source);
            waiter.await(s::test, out, dest);
        }
    }
}
