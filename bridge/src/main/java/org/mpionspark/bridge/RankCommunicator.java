package org.mpionspark.bridge;

import java.util.Objects;
import java.util.Optional;

import org.mpionspark.bridge.collective.Allreduce;
import org.mpionspark.bridge.collective.Barrier;
import org.mpionspark.bridge.collective.Bcast;
import org.mpionspark.bridge.collective.Links;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * The {@link Communicator} of one rank over a {@link Transport}: checks arguments before any byte
 * moves, waits through the {@link Waiter}, and runs the collectives of
 * {@code org.mpionspark.bridge.collective} on the transport's collective channel.
 */
public final class RankCommunicator implements Communicator {

    private final Transport transport;
    private final Waiter waiter;
    private final AbortState abort;
    private final ObjectCodec codec;
    private final int rank;
    private final int size;
    private final CollectiveLinks links = new CollectiveLinks();
    private int collectiveSeq;

    public RankCommunicator(Transport transport, AbortState abort, long opTimeoutMillis, ObjectCodec codec) {
        this.transport = transport;
        this.rank = transport.rank();
        this.size = transport.size();
        this.abort = abort;
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

    @Override
    public String processorName() {
        return waiter.call(transport::processorName, "processorName()", -1);
    }

    @Override
    public void abort(int errorCode) {
        String op = "abort(" + errorCode + ")";
        abort.abortWorld(rank, "rank " + rank + " called MPI_Abort with error code " + errorCode);
        abort.check(op, -1);
    }

    // ---------------------------------------------------------------------------- point-to-point

    @Override
    public void send(Object buf, int dest, int tag) {
        send(buf, 0, lengthOf("send(dest=" + dest + ", tag=" + tag + ")", buf), dest, tag);
    }

    @Override
    public void send(Object buf, int offset, int count, int dest, int tag) {
        isend(buf, offset, count, dest, tag).waitFor();
    }

    @Override
    public Status recv(Object buf, int source, int tag) {
        return recv(buf, 0, lengthOf("recv(source=" + source + ", tag=" + tag + ")", buf), source, tag);
    }

    @Override
    public Status recv(Object buf, int offset, int count, int source, int tag) {
        return irecv(buf, offset, count, source, tag).waitFor();
    }

    @Override
    public Request isend(Object buf, int dest, int tag) {
        return isend(buf, 0, lengthOf("isend(dest=" + dest + ", tag=" + tag + ")", buf), dest, tag);
    }

    @Override
    public Request isend(Object buf, int offset, int count, int dest, int tag) {
        ArrayKind kind = ArrayKind.of(buf, "rank " + rank + " in isend/send: buffer");
        String op = "send(" + kind.elementName() + "[], dest=" + dest + ", tag=" + tag + ")";
        checkRange(op, buf, offset, count);
        checkRank(op, "dest", dest, false);
        checkTag(op, tag, false);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, kind, buf, offset, count, dest, tag), op, dest);
        return new SendRequest(p, op, dest, tag, count);
    }

    @Override
    public Request irecv(Object buf, int source, int tag) {
        return irecv(buf, 0, lengthOf("irecv(source=" + source + ", tag=" + tag + ")", buf), source, tag);
    }

    @Override
    public Request irecv(Object buf, int offset, int count, int source, int tag) {
        ArrayKind kind = ArrayKind.of(buf, "rank " + rank + " in irecv/recv: buffer");
        String op = "recv(" + kind.elementName() + "[], source=" + source + ", tag=" + tag + ")";
        checkRange(op, buf, offset, count);
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        RecvRequest r = new RecvRequest(kind, buf, offset, count, source, tag, op);
        unmatched.add(r);
        return r;
    }

    @Override
    public Status sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag) {
        Request r = irecv(recvbuf, source, recvtag);
        Request s = isend(sendbuf, dest, sendtag);
        Status got = r.waitFor();
        s.waitFor();
        return got;
    }

    @Override
    public Status sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag) {
        int n = lengthOf("sendrecvReplace", buf);
        Object copy = java.lang.reflect.Array.newInstance(buf.getClass().getComponentType(), n);
        System.arraycopy(buf, 0, copy, 0, n);
        return sendrecv(copy, dest, sendtag, buf, source, recvtag);
    }

    @Override
    public Status probe(int source, int tag) {
        String op = "probe(source=" + source + ", tag=" + tag + ")";
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        int[] p = waiter.await(() -> transport.iprobe(Transport.USER, source, tag), op, source);
        return new Status(p[0], p[1], p[2]);
    }

    @Override
    public Optional<Status> iprobe(int source, int tag) {
        String op = "iprobe(source=" + source + ", tag=" + tag + ")";
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        int[] p = waiter.call(() -> transport.iprobe(Transport.USER, source, tag), op, source);
        return p == null ? Optional.empty() : Optional.of(new Status(p[0], p[1], p[2]));
    }

    @Override
    public void sendObject(Object obj, int dest, int tag) {
        String op = "sendObject(dest=" + dest + ", tag=" + tag + ")";
        checkRank(op, "dest", dest, false);
        checkTag(op, tag, false);
        byte[] bytes = encode(op, obj);
        send(bytes, 0, bytes.length, dest, tag);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T recvObject(int source, int tag) {
        String op = "recvObject(source=" + source + ", tag=" + tag + ")";
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        RecvRequest r = new RecvRequest(ArrayKind.BYTE, null, 0, -1, source, tag, op);
        unmatched.add(r);
        Status s = r.waitFor();
        return (T) decode(op, (byte[]) r.buf, s.source());
    }

    @Override
    public <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        String op = "sendrecvObject(dest=" + dest + ", source=" + source + ")";
        checkRank(op, "dest", dest, false);
        checkTag(op, sendtag, false);
        checkRank(op, "source", source, true);
        checkTag(op, recvtag, true);
        byte[] bytes = encode(op, obj);
        RecvRequest r = new RecvRequest(ArrayKind.BYTE, null, 0, -1, source, recvtag, op);
        unmatched.add(r);
        Request s = isend(bytes, 0, bytes.length, dest, sendtag);
        Status got = r.waitFor();
        s.waitFor();
        @SuppressWarnings("unchecked")
        T value = (T) decode(op, (byte[]) r.buf, got.source());
        return value;
    }

    /** Receives not yet matched to a message, in the order they were posted (MPI's matching order). */
    private final java.util.ArrayDeque<RecvRequest> unmatched = new java.util.ArrayDeque<>();

    /** Tries to match every pending receive, oldest first, so a later receive never takes an earlier one's message. */
    private void progressReceives() {
        for (java.util.Iterator<RecvRequest> it = unmatched.iterator(); it.hasNext(); ) {
            RecvRequest r = it.next();
            if (r.tryMatch()) {
                it.remove();
            }
        }
    }

    /** A send in flight. */
    private final class SendRequest implements Request {
        private final Transport.Pending pending;
        private final String op;
        private final int dest;
        private final int tag;
        private final int count;
        private final long started = System.nanoTime();
        private Status done;

        SendRequest(Transport.Pending pending, String op, int dest, int tag, int count) {
            this.pending = pending;
            this.op = op;
            this.dest = dest;
            this.tag = tag;
            this.count = count;
        }

        @Override
        public Status waitFor() {
            if (done == null) {
                waiter.await(pending::test, op, dest);
                done = new Status(dest, tag, count);
            }
            return done;
        }

        @Override
        public Optional<Status> test() {
            if (done == null && waiter.call(pending::test, op, dest) != null) {
                done = new Status(dest, tag, count);
            }
            if (done == null) {
                waiter.checkStillWaiting(started, op, dest);
            }
            return Optional.ofNullable(done);
        }
    }

    /**
     * A receive: first matched to an arrived message by probing (so its size and type are checked
     * before anything is read), then received from exactly that source and tag.
     */
    private final class RecvRequest implements Request {
        private final ArrayKind kind;
        private Object buf; // null for objects: allocated once the size is known
        private final int offset;
        private final int count;
        private final int source;
        private final int tag;
        private final String op;
        private final long started = System.nanoTime();
        private Transport.Pending pending;
        private Status matched;
        private Status done;
        private MpiException failure;

        RecvRequest(ArrayKind kind, Object buf, int offset, int count, int source, int tag, String op) {
            this.kind = kind;
            this.buf = buf;
            this.offset = offset;
            this.count = count;
            this.source = source;
            this.tag = tag;
            this.op = op;
        }

        /** True once this receive no longer waits for a message to match (matched, or failed). */
        boolean tryMatch() {
            int[] p = waiter.call(() -> transport.iprobe(Transport.USER, source, tag), op, source);
            if (p == null) {
                return false;
            }
            int from = p[0];
            if (p[3] != kind.ordinal()) {
                String held = p[3] < 0 ? "a message of another type" : ArrayKind.values()[p[3]].elementName() + " values";
                failure = buf == null
                        ? new MpiException(rank, op, from, "the message from rank " + from + " (tag " + p[1]
                            + ") is an array of " + held + ", not an object: receive it with recv(...)")
                        : new MpiException(rank, op, from, "the message from rank " + from + " (tag " + p[1]
                            + ") holds " + held + ", not " + kind.elementName() + "; it is left for a matching receive");
                return true;
            }
            if (buf == null) {
                buf = new byte[p[2]];
            } else if (p[2] > count) {
                failure = new MpiException(rank, op, from, "the message from rank " + from + " (tag " + p[1] + ") holds "
                        + p[2] + " " + kind.elementName() + " values but the buffer holds only " + count
                        + "; it is left for a larger receive");
                return true;
            }
            int n = p[2];
            int t = p[1];
            pending = waiter.call(() -> transport.irecv(Transport.USER, kind, buf, offset, n, from, t), op, from);
            matched = new Status(from, t, n);
            return true;
        }

        @Override
        public Status waitFor() {
            if (done != null) {
                return done;
            }
            waiter.await(() -> {
                progressReceives();
                return matched != null || failure != null ? Boolean.TRUE : null;
            }, op, source);
            if (failure != null) {
                throw failure;
            }
            waiter.await(pending::test, op, matched.source());
            done = matched;
            return done;
        }

        @Override
        public Optional<Status> test() {
            if (done == null) {
                progressReceives();
                if (failure != null) {
                    throw failure;
                }
                if (matched != null && waiter.call(pending::test, op, matched.source()) != null) {
                    done = matched;
                }
            }
            if (done == null) {
                waiter.checkStillWaiting(started, op, matched == null ? source : matched.source());
            }
            return Optional.ofNullable(done);
        }
    }

    // ------------------------------------------------------------------------------- collectives

    @Override
    public void barrier() {
        links.begin("barrier()");
        Barrier.run(links);
    }

    @Override
    public void bcast(Object buf, int root) {
        bcast(buf, 0, lengthOf("bcast(root=" + root + ")", buf), root);
    }

    @Override
    public void bcast(Object buf, int offset, int count, int root) {
        ArrayKind kind = ArrayKind.of(buf, "rank " + rank + " in bcast: buffer");
        String op = "bcast(" + kind.elementName() + "[], root=" + root + ")";
        checkRange(op, buf, offset, count);
        checkRank(op, "root", root, false);
        links.begin(op);
        Bcast.run(links, kind, buf, offset, count, root);
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
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in allreduce: recvbuf");
        String name = "allreduce(" + kind.elementName() + "[], " + op + ")";
        Objects.requireNonNull(op, () -> name + ": op is null");
        op.checkApplies(recvbuf);
        int count = kind.length(recvbuf);
        if (sendbuf != IN_PLACE && sendbuf != recvbuf) {
            if (sendbuf == null || sendbuf.getClass() != recvbuf.getClass()) {
                throw new IllegalArgumentException(name + ": sendbuf must be a " + kind.elementName()
                        + "[] like recvbuf, not " + (sendbuf == null ? "null" : sendbuf.getClass().getSimpleName()));
            }
            if (kind.length(sendbuf) != count) {
                throw new IllegalArgumentException(name + ": recvbuf holds " + count
                        + " elements but sendbuf holds " + kind.length(sendbuf));
            }
            System.arraycopy(sendbuf, 0, recvbuf, 0, count);
        }
        links.begin(name);
        Allreduce.run(links, kind, recvbuf, count, kind.bytes(), op);
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

    private int lengthOf(String op, Object buf) {
        return ArrayKind.of(buf, "rank " + rank + " in " + op + ": buffer").length(buf);
    }

    private void checkRange(String op, Object buf, int offset, int count) {
        int length = java.lang.reflect.Array.getLength(buf);
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": offset " + offset + " and count "
                    + count + " fall outside the buffer of " + length + " elements");
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
