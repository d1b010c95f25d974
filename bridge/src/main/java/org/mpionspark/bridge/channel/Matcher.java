package org.mpionspark.bridge.channel;

import org.mpionspark.bridge.wait.Waiter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * MPI message matching for every communicator of one rank, done here rather than in MPJ Express:
 * all user messages share MPJ's one point-to-point context, with the communicator's context id in
 * the high bits of the wire tag. Each arrived message is matched to the oldest posted receive of
 * its context, source and tag and read straight into that buffer; one nobody waits for yet is read
 * into a buffer of its own, in arrival order, until a receive or probe asks for it.
 */
public final class Matcher {

    /** Bits of the wire tag that carry the user's tag; the rest carry the context id. */
    static final int TAG_BITS = 20;
    static final int TAG_MASK = (1 << TAG_BITS) - 1;
    /** Context ids run from 0 (the world) to this. */
    public static final int MAX_CONTEXT = (1 << (31 - TAG_BITS)) - 1;

    private final Transport transport;
    private final Waiter waiter;
    private final ArrayDeque<Receive> posted = new ArrayDeque<>();
    private final List<Arrived> unexpected = new ArrayList<>();

    public Matcher(Transport transport, Waiter waiter) {
        this.transport = transport;
        this.waiter = waiter;
    }

    public static int wireTag(int context, int tag) {
        return (context << TAG_BITS) | tag;
    }

    /** A message read (or being read) before anyone asked for it. */
    private static final class Arrived {
        final int context;
        final int source; // world rank
        final int tag;
        final ArrayKind kind;
        final int count;
        final Object data;
        final Transport.Pending pending;

        Arrived(int context, int source, int tag, ArrayKind kind, int count, Object data, Transport.Pending pending) {
            this.context = context;
            this.source = source;
            this.tag = tag;
            this.kind = kind;
            this.count = count;
            this.data = data;
            this.pending = pending;
        }
    }

    /** Moves every message MPJ Express holds to its posted receive, or to the unexpected queue. */
    public void progress(String operation) {
        while (true) {
            int[] p = waiter.call(() -> transport.iprobe(Transport.USER, Transport.ANY, Transport.ANY), operation, -1);
            if (p == null) {
                return;
            }
            int source = p[0];
            int wire = p[1];
            int count = p[2];
            ArrayKind kind = p[3] < 0 ? null : ArrayKind.values()[p[3]];
            int context = wire >>> TAG_BITS;
            int tag = wire & TAG_MASK;
            Receive r = firstPosted(context, source, tag);
            if (r != null && !r.unpost()) {
                continue; // a message reached its preposted receive after all: look again
            }
            if (r != null) {
                posted.remove(r);
                String problem = r.mismatch(kind, count, source, tag);
                if (problem == null) {
                    r.readDirect(source, wire, tag, count);
                    continue;
                }
                r.fail(problem, source);
            }
            if (kind == null) {
                throw new MpiException(-1, operation, source, "a message of a type this bridge cannot read arrived");
            }
            Object data = kind.newArray(count);
            Transport.Pending pending = waiter.call(
                    () -> transport.irecv(Transport.USER, kind, data, 0, count, source, wire), operation, source);
            unexpected.add(new Arrived(context, source, tag, kind, count, data, pending));
        }
    }

    private Receive firstPosted(int context, int source, int tag) {
        for (Receive r : posted) {
            if (r.matches(context, source, tag)) {
                return r;
            }
        }
        return null;
    }

    private Arrived firstUnexpected(int context, int source, int tag) {
        for (Arrived a : unexpected) {
            if (a.context == context && (source == Transport.ANY || source == a.source)
                    && (tag == Transport.ANY || tag == a.tag)) {
                return a;
            }
        }
        return null;
    }

    /** {@code {world source, tag, count}} of the first arrived message that matches, if any. */
    public Optional<int[]> probe(int context, int source, int tag, String operation) {
        progress(operation);
        Arrived a = firstUnexpected(context, source, tag);
        return a == null ? Optional.empty() : Optional.of(new int[] {a.source, a.tag, a.count, a.kind.ordinal()});
    }

    /**
     * Posts a receive; {@code kind} {@link ArrayKind#OBJECT} with {@code buf == null} means an object
     * (bytes of any length), which takes only an object message and leaves any other. Sources are world
     * ranks here; {@code toLocal} turns the sender back into a rank of the receiving communicator.
     */
    public Request post(int context, int source, int tag, ArrayKind kind, Object buf, int offset, int capacity,
                 String operation, int rank, java.util.function.IntUnaryOperator toLocal) {
        Receive r = new Receive(context, source, tag, kind, buf, offset, capacity, operation, rank, toLocal);
        progress(operation);
        Arrived a = firstUnexpected(context, source, tag);
        if (a != null) {
            String problem = r.mismatch(a.kind, a.count, a.source, a.tag);
            if (problem != null) {
                r.fail(problem, a.source); // the message stays queued for a receive that fits
            } else {
                unexpected.remove(a);
                r.copyFrom(a);
            }
        } else {
            posted.add(r);
            r.prepostIfFirst();
        }
        return r;
    }

    /**
     * A posted receive, and the {@link Request} the user holds for it. Until a message matches it,
     * it lives only in {@link #posted}: the transport is asked for a message only once one has arrived
     * ({@link #progress}), so removing it from there is all a cancel needs, on every path.
     */
    public final class Receive implements Request {
        private final int context;
        private final int source;
        private final int tag;
        private final ArrayKind kind;
        private Object buf;
        private final int offset;
        private final int capacity;
        private final String operation;
        private final int rank;
        private final java.util.function.IntUnaryOperator toLocal;
        private final long started = System.nanoTime();
        private Transport.Pending reading;
        /** Its receive in the transport, posted before its message came ({@link #prepostIfFirst}); null if none. */
        private Transport.Preposted preposted;
        private Arrived copyFrom;
        private Status status;
        private boolean done;
        private boolean cancelled;
        private MpiException failure;

        Receive(int context, int source, int tag, ArrayKind kind, Object buf, int offset, int capacity,
                String operation, int rank, java.util.function.IntUnaryOperator toLocal) {
            this.context = context;
            this.source = source;
            this.tag = tag;
            this.kind = kind;
            this.buf = buf;
            this.offset = offset;
            this.capacity = capacity;
            this.operation = operation;
            this.rank = rank;
            this.toLocal = toLocal;
        }

        boolean matches(int ctx, int src, int t) {
            return ctx == context && (source == Transport.ANY || source == src) && (tag == Transport.ANY || tag == t);
        }

        /** Why the message cannot be read into this receive, or null if it can. */
        String mismatch(ArrayKind got, int count, int worldSource, int t) {
            int from = toLocal.applyAsInt(worldSource);
            if (got != kind) {
                String held = got == null ? "a message of another type" : got.elementName() + " values";
                if (kind == ArrayKind.OBJECT) {
                    return "the message from rank " + from + " (tag " + t + ") is an array of " + held
                            + ", not an object: receive it with recv(...)";
                }
                return got == ArrayKind.OBJECT
                        ? "the message from rank " + from + " (tag " + t + ") is an object message (sent by "
                            + "sendObject, " + count + " bytes serialised), not an array of " + kind.elementName()
                            + " values: receive it with recvObject(...); it is left for a matching receive"
                        : "the message from rank " + from + " (tag " + t + ") holds " + held + ", not "
                            + kind.elementName() + "; it is left for a matching receive";
            }
            if (kind != ArrayKind.OBJECT && count > capacity) {
                return "the message from rank " + from + " (tag " + t + ") holds " + count + " " + kind.elementName()
                        + " values but the buffer holds only " + capacity + "; it is left for a larger receive";
            }
            return null;
        }

        /**
         * Posts this receive in the transport too, before its message comes, so that the message
         * lands straight in the user's buffer (no array of its own, no copy): only an array
         * receive with a source and a tag, and only if no receive posted before it could take the
         * same messages (which MPI gives to the earlier one). The transport takes only a message
         * that fits; one that does not is left for {@link #progress}, which fails this receive as usual.
         */
        void prepostIfFirst() {
            if (kind == ArrayKind.OBJECT || buf == null || source == Transport.ANY || tag == Transport.ANY) {
                return;
            }
            for (Receive earlier : posted) {
                if (earlier != this && earlier.context == context && (earlier.source == Transport.ANY
                        || earlier.source == source) && (earlier.tag == Transport.ANY || earlier.tag == tag)) {
                    return;
                }
            }
            Object target = buf;
            preposted = waiter.call(() -> transport.prepost(Transport.USER, kind, target, offset, capacity, source,
                    wireTag(context, tag)), operation, toLocal.applyAsInt(source));
        }

        /**
         * Takes this receive's preposted twin out of the transport, so that a message found by
         * {@link #progress} can be matched here instead: false if a message reached the twin first
         * (it is then this receive's, and out of {@link #posted}).
         */
        boolean unpost() {
            adoptPreposted();
            Transport.Preposted p = preposted;
            if (p != null && transport.withdraw(p)) {
                preposted = null;
            }
            adoptPreposted();
            return reading == null;
        }

        /** If a message reached the preposted twin (its elements may still be on their way), this receive is matched by it. */
        private void adoptPreposted() {
            Transport.Preposted p = preposted;
            if (p == null) {
                return;
            }
            if (p.matched()) {
                posted.remove(this);
                reading = p;
                preposted = null;
            } else if (p.declined()) {
                preposted = null; // a message that does not fit: progress() finds it and fails this receive
            }
        }

        void fail(String problem, int worldSource) {
            failure = new MpiException(rank, operation, toLocal.applyAsInt(worldSource), problem);
        }

        void readDirect(int worldSource, int wire, int t, int count) {
            if (buf == null) {
                buf = new byte[count];
            }
            Object target = buf;
            reading = waiter.call(() -> transport.irecv(Transport.USER, kind, target, offset, count, worldSource, wire),
                    operation, toLocal.applyAsInt(worldSource));
            status = new Status(toLocal.applyAsInt(worldSource), t, count);
        }

        void copyFrom(Arrived a) {
            copyFrom = a;
            status = new Status(toLocal.applyAsInt(a.source), a.tag, a.count);
        }

        /** The bytes of an object receive, once done; null if it was cancelled. */
        public byte[] bytes() {
            return (byte[]) buf;
        }

        private boolean poll() {
            if (done) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            adoptPreposted();
            if (status == null && reading == null) {
                progress(operation);
                if (failure != null) {
                    throw failure;
                }
                adoptPreposted();
                if (status == null && reading == null) {
                    return false;
                }
            }
            if (reading != null) {
                int[] got = waiter.call(reading::test, operation, status != null ? status.source() : peer());
                if (got == null) {
                    return false;
                }
                if (status == null) { // read by its preposted twin
                    status = new Status(toLocal.applyAsInt(got[0]), tag, got[2]);
                }
            } else if (copyFrom != null) {
                if (waiter.call(copyFrom.pending::test, operation, status.source()) == null) {
                    return false;
                }
                if (buf == null) {
                    buf = copyFrom.data;
                } else {
                    System.arraycopy(copyFrom.data, 0, buf, offset, copyFrom.count);
                }
                copyFrom = null;
            }
            done = true;
            return true;
        }

        @Override
        public Status waitFor() {
            waiter.await(() -> poll() ? Boolean.TRUE : null, operation, peer(), this::bytesMoved);
            return status;
        }

        /** Bytes moved so far for this receive: the watchdog's sign that a long wait is a long message. */
        private long bytesMoved() {
            Transport.Pending p = reading != null ? reading : copyFrom != null ? copyFrom.pending : preposted;
            return p == null ? 0 : p.progress();
        }

        @Override
        public Optional<Status> test() {
            return waiter.poll(() -> {
                if (poll()) {
                    return Optional.of(status);
                }
                waiter.checkStillWaiting(started, operation, status == null ? -1 : status.source());
                return Optional.<Status>empty();
            }, "test(" + operation + ")", peer(), got -> got.isPresent() ? -1 : 0);
        }

        /**
         * Withdraws this receive if no message has matched it yet ({@code MPI_Cancel}): it leaves
         * the posted queue, so the next message that would have matched goes to a later receive.
         */
        @Override
        public boolean cancel() {
            return waiter.call(() -> {
                if (!cancelled && status == null && failure == null && unpost() && posted.remove(this)) {
                    cancelled = true;
                    done = true;
                    status = new Status(org.mpionspark.mpi.Communicator.ANY_SOURCE,
                            org.mpionspark.mpi.Communicator.ANY_TAG, 0, true);
                }
                return cancelled;
            }, "cancel(" + operation + ")", peer());
        }

        /** Whether {@link #cancel()} withdrew it before any message matched. */
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public Request.Waits waits() {
            return waiter.waits();
        }

        private int peer() {
            return source == Transport.ANY ? -1 : toLocal.applyAsInt(source);
        }

        /** The receive as the watchdog and errors name it, e.g. {@code recv(int[1], source=1, tag=0)}. */
        @Override
        public String toString() {
            return operation;
        }
    }
}
