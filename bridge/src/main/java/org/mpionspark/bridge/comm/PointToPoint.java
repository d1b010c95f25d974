package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.Matcher;
import org.mpionspark.bridge.wait.Waiter;

import java.util.Optional;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * One communicator's point-to-point calls ({@code MPI_Send} to {@code MPI_Iprobe}): sends go to the
 * transport, receives and probes to the rank's {@link Matcher}, and every wait through the {@link Waiter}.
 */
final class PointToPoint {
    private final CommState comm;
    private final Arguments check;
    private final Transport transport;
    private final Waiter waiter;
    private final Matcher matcher;

    PointToPoint(CommState comm) {
        this.comm = comm;
        this.check = comm.check;
        this.transport = comm.shared.transport;
        this.waiter = comm.shared.waiter;
        this.matcher = comm.shared.matcher;
    }

    void send(Object buf, int dest, int tag) {
        send(buf, 0, check.lengthOf("send(dest=" + dest + ", tag=" + tag + ")", buf), dest, tag);
    }

    void send(Object buf, int offset, int count, int dest, int tag) {
        isend(buf, offset, count, dest, tag).waitFor();
    }

    Status recv(Object buf, int source, int tag) {
        return recv(buf, 0, check.lengthOf("recv(source=" + source + ", tag=" + tag + ")", buf), source, tag);
    }

    Status recv(Object buf, int offset, int count, int source, int tag) {
        return irecv(buf, offset, count, source, tag).waitFor();
    }

    Request isend(Object buf, int dest, int tag) {
        return isend(buf, 0, check.lengthOf("isend(dest=" + dest + ", tag=" + tag + ")", buf), dest, tag);
    }

    Request isend(Object buf, int offset, int count, int dest, int tag) {
        ArrayKind kind = check.kindOf("isend/send", "buffer", buf);
        String op = "send(" + kind.elementName() + "[" + count + "], dest=" + dest + ", tag=" + tag + ")";
        check.range(op, buf, offset, count);
        check.tag(op, tag, false);
        if (ProcNull.is(dest)) {
            return ProcNull.request();
        }
        check.rank(op, "dest", dest, false);
        int to = comm.world(dest);
        int wire = Matcher.wireTag(comm.context, tag);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, kind, buf, offset, count, to, wire), op, dest);
        return new SendRequest(p, op, dest, tag, count);
    }

    Request irecv(Object buf, int source, int tag) {
        return irecv(buf, 0, check.lengthOf("irecv(source=" + source + ", tag=" + tag + ")", buf), source, tag);
    }

    Request irecv(Object buf, int offset, int count, int source, int tag) {
        ArrayKind kind = check.kindOf("irecv/recv", "buffer", buf);
        String op = "recv(" + kind.elementName() + "[" + count + "], source=" + source + ", tag=" + tag + ")";
        check.range(op, buf, offset, count);
        check.tag(op, tag, true);
        if (ProcNull.is(source)) {
            return ProcNull.request();
        }
        check.rank(op, "source", source, true);
        return post(source, tag, kind, buf, offset, count, op);
    }

    /**
     * Posts the receive of an object's bytes, of any length, for the object tier; its arguments are
     * checked by the caller. It takes only a message sent by {@link #isendObject}.
     */
    Matcher.Receive irecvBytes(int source, int tag, String op) {
        return (Matcher.Receive) post(source, tag, ArrayKind.OBJECT, null, 0, Integer.MAX_VALUE, op);
    }

    /**
     * Sends an object's bytes for the object tier, marked {@link ArrayKind#OBJECT} so that only an
     * object receive takes them; its arguments are checked by the caller.
     */
    Request isendObject(byte[] bytes, int dest, int tag, String op) {
        if (ProcNull.is(dest)) {
            return ProcNull.request();
        }
        int to = comm.world(dest);
        int wire = Matcher.wireTag(comm.context, tag);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, ArrayKind.OBJECT, bytes, 0,
                bytes.length, to, wire), op, dest);
        return new SendRequest(p, op, dest, tag, bytes.length);
    }

    private Request post(int source, int tag, ArrayKind kind, Object buf, int offset, int capacity, String op) {
        return matcher.post(comm.context, comm.world(source), matchTag(tag), kind, buf, offset, capacity, op,
                comm.rank, comm::local);
    }

    Status sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag) {
        Request r = irecv(recvbuf, source, recvtag);
        Request s = isend(sendbuf, dest, sendtag);
        Status got = r.waitFor();
        s.waitFor();
        return got;
    }

    Status sendrecv(Object sendbuf, int sendOffset, int sendCount, int dest, int sendtag,
                    Object recvbuf, int recvOffset, int recvCount, int source, int recvtag) {
        Request r = irecv(recvbuf, recvOffset, recvCount, source, recvtag);
        Request s = isend(sendbuf, sendOffset, sendCount, dest, sendtag);
        Status got = r.waitFor();
        s.waitFor();
        return got;
    }

    Status sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag) {
        int n = check.lengthOf("sendrecvReplace", buf);
        Object copy = java.lang.reflect.Array.newInstance(buf.getClass().getComponentType(), n);
        System.arraycopy(buf, 0, copy, 0, n);
        return sendrecv(copy, dest, sendtag, buf, source, recvtag);
    }

    Status probe(int source, int tag) {
        String op = "probe(source=" + source + ", tag=" + tag + ")";
        if (ProcNull.is(source)) {
            return ProcNull.status();
        }
        check.rank(op, "source", source, true);
        check.tag(op, tag, true);
        int[] p = waiter.await(() -> matcher.probe(comm.context, comm.world(source), matchTag(tag), op).orElse(null),
                op, source);
        return status(p);
    }

    Optional<Status> iprobe(int source, int tag) {
        String op = "iprobe(source=" + source + ", tag=" + tag + ")";
        if (ProcNull.is(source)) {
            return Optional.of(ProcNull.status());
        }
        check.rank(op, "source", source, true);
        check.tag(op, tag, true);
        return waiter.poll(() -> matcher.probe(comm.context, comm.world(source), matchTag(tag), op), op, source,
                found -> found.isPresent() ? -1 : 0).map(this::status);
    }

    /** The status of a probed message, {@code {world source, tag, count, ...}}, with its source a rank here. */
    private Status status(int[] probed) {
        return new Status(comm.local(probed[0]), probed[1], probed[2]);
    }

    /** The tag the matcher looks for: {@code ANY_TAG} becomes the transport's wildcard. */
    private static int matchTag(int tag) {
        return tag == Communicator.ANY_TAG ? Transport.ANY : tag;
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

        SendRequest(Transport.Pending sending, String op, int dest, int tag, int count) {
            // a send completes only once its receiver's MPJ receive is posted, which this rank's
            // matcher does: a send to itself, or one past the eager limit to a peer that waits on
            // its own send, needs this rank's posted receives served while it waits
            this.pending = new Transport.Pending() {
                @Override
                public int[] test() {
                    matcher.progress(op);
                    return sending.test();
                }

                @Override
                public void block(long nanos) {
                    sending.block(nanos);
                }

                @Override
                public long progress() {
                    return sending.progress();
                }
            };
            this.op = op;
            this.dest = dest;
            this.tag = tag;
            this.count = count;
        }

        @Override
        public Status waitFor() {
            if (done == null) {
                waiter.await(pending, op, dest, null);
                done = new Status(dest, tag, count);
            }
            return done;
        }

        @Override
        public Optional<Status> test() {
            return waiter.poll(() -> {
                if (done == null && waiter.call(pending::test, op, dest) != null) {
                    done = new Status(dest, tag, count);
                }
                if (done == null) {
                    waiter.checkStillWaiting(started, op, dest);
                }
                return Optional.ofNullable(done);
            }, "test(" + op + ")", dest, got -> got.isPresent() ? -1 : 0);
        }

        /** A send cannot be cancelled here (MPI lets a cancel of a send fail): it completes as usual. */
        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public Request.Waits waits() {
            return waiter.waits();
        }

        @Override
        public String toString() {
            return op;
        }
    }
}
