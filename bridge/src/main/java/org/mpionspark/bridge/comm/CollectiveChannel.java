package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.MeetingBoard;
import org.mpionspark.bridge.transport.Transport;
import java.util.function.IntUnaryOperator;

import org.mpionspark.bridge.collective.Links;
import org.mpionspark.mpi.MpiException;

/**
 * One communicator's collective calls on the transport's collective channel. Each call gets a
 * {@link Call}: its messages carry the call's sequence number and a signature of the arguments
 * every rank must agree on, so a mismatched call never matches a message: it is diagnosed.
 */
final class CollectiveChannel {

    /** The operation of the end-of-rank barrier; its verb is told apart in diagnoses. */
    static final String END = "end of rank (the barrier after its function returned)";
    private static final int SIGNATURE_BITS = 10;
    private static final int SIGNATURE_MASK = (1 << SIGNATURE_BITS) - 1;
    private static final int SEQ_MASK = (1 << (Matcher.TAG_BITS - SIGNATURE_BITS)) - 1;
    private static final int END_SIGNATURE = signature(END);
    /**
     * MPJ Express's own collectives (its {@code MPI_Finalize} barrier) share this channel with
     * tags 33000-35000, which are the world's calls #32-#35 here: those numbers are skipped, and
     * messages in that range are MPJ's, never a mismatch.
     */
    private static final int MPJ_FIRST_SEQ = 32;
    private static final int MPJ_LAST_SEQ = 35;

    private final Transport transport;
    private final Waiter waiter;
    private final int context;
    private final int rank;
    private final int size;
    private final IntUnaryOperator world;
    private final boolean coresShared;
    /** Where collectives of this JVM's ranks meet in memory; null when no other rank of the world is here. */
    private final MeetingBoard node;
    /** This communicator's ranks in this JVM, ascending (this rank among them); empty without a node. */
    private final int[] localRanks;
    /** The lowest rank of each JVM this communicator spans, ascending: the two-level leaders. */
    private final int[] leaders;
    private int nextSeq;
    /** Every call's number, unwrapped: names its meetings in memory. */
    private long nextStep;

    /** {@code world} maps a rank of the communicator to its world rank. */
    CollectiveChannel(Transport transport, Waiter waiter, int context, int rank, int size, IntUnaryOperator world,
                      boolean coresShared) {
        this.transport = transport;
        this.waiter = waiter;
        this.context = context;
        this.rank = rank;
        this.size = size;
        this.world = world;
        this.coresShared = coresShared;
        this.node = size < 2 ? null : transport.node();
        java.util.Map<String, Integer> firstOfJvm = new java.util.LinkedHashMap<>();
        java.util.List<Integer> here = new java.util.ArrayList<>();
        for (int r = 0; node != null && r < size; r++) {
            int w = world.applyAsInt(r);
            firstOfJvm.putIfAbsent(node.jvm(w), r);
            if (node.local(w)) {
                here.add(r);
            }
        }
        this.localRanks = here.stream().mapToInt(Integer::intValue).toArray();
        this.leaders = firstOfJvm.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every rank of this communicator is in this JVM: its collectives run in memory alone. */
    private boolean allHere() {
        return node != null && localRanks.length == size;
    }

    /** Its ranks span JVMs and some share one: collectives can go two-level. */
    private boolean grouped() {
        return node != null && localRanks.length < size && leaders.length < size;
    }

    /**
     * Starts a collective call. Its messages carry the sequence number of the call and a
     * signature of the operation's name (up to its '(') and of {@code shape}: the arguments every
     * rank must agree on (type, count, root, op). The rest of {@code operation} may differ between
     * ranks and only names the call in errors. Each call has its own state, so a second thread
     * starting a collective cannot change the tags of one in progress.
     */
    synchronized Call begin(String operation, int... shape) {
        waiter.checkFree(operation);
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) & SEQ_MASK;
        if (context == 0 && nextSeq == MPJ_FIRST_SEQ) {
            nextSeq = MPJ_LAST_SEQ + 1;
        }
        return new Call(operation, seq, signature(operation, shape), nextStep++,
                31 * verb(operation).hashCode() + java.util.Arrays.hashCode(shape));
    }

    private static String verb(String operation) {
        int paren = operation.indexOf('(');
        return paren < 0 ? operation : operation.substring(0, paren);
    }

    /**
     * The implicit barrier that ends a rank (no operation timeout: peers may compute as long as
     * they need), then a look for collective messages nobody received: ranks that disagreed on a
     * root both sent and returned, and only these leftovers tell. Best effort: a leftover still in
     * flight is missed, and one found is always a mismatch.
     */
    void endOfRank() {
        org.mpionspark.bridge.collective.Barrier.run(begin(END).unbounded());
        for (int r = 0; r < size; r++) {
            int source = r;
            int[] p = r == rank ? null : waiter.call(() -> transport.iprobe(Transport.COLLECTIVE,
                    world.applyAsInt(source), Transport.ANY), END, r);
            if (p != null && !mpjOwn(p[1])) {
                int theirSeq = (p[1] & Matcher.TAG_MASK) >>> SIGNATURE_BITS;
                throw new MpiException(rank, END, r, "mismatched collective: rank " + r + " sent a message for its "
                        + "collective call #" + theirSeq + " that this rank never received: the ranks disagreed on the "
                        + "root of a collective, or on which collective they called");
            }
        }
    }

    /** Whether a message of the collective channel is one of MPJ Express's own (its finalize barrier). */
    private static boolean mpjOwn(int wireTag) {
        int seq = wireTag >>> SIGNATURE_BITS;
        return (wireTag >>> Matcher.TAG_BITS) == 0 && seq >= MPJ_FIRST_SEQ && seq <= MPJ_LAST_SEQ;
    }

    private static int signature(String operation, int... shape) {
        return (verb(operation).hashCode() * 31 + java.util.Arrays.hashCode(shape)) & SIGNATURE_MASK;
    }

    /** One collective call, as its algorithm sees the channel: blocking point-to-point with its peers. */
    final class Call implements Links {
        private final String operation;
        private final int seq;
        private final int signature;
        private final int tag;
        private final long step;
        /** The whole signature, where the tag has room for 10 bits of it: ranks meeting in memory compare it. */
        private final int fullSignature;
        private boolean unbounded;
        private Step shared;

        private Call(String operation, int seq, int signature, long step, int fullSignature) {
            this.operation = operation;
            this.seq = seq;
            this.signature = signature;
            this.step = step;
            this.fullSignature = fullSignature;
            this.tag = Matcher.wireTag(context, (seq << SIGNATURE_BITS) | signature);
        }

        @Override
        public org.mpionspark.bridge.collective.Meetings node() {
            if (!allHere()) {
                return null;
            }
            if (shared == null) {
                shared = new Step();
            }
            return shared;
        }

        @Override
        public org.mpionspark.bridge.collective.Groups groups() {
            if (!grouped()) {
                return null;
            }
            if (shared == null) {
                shared = new Step();
            }
            Step local = shared;
            int index = local.index;
            Links leaderLinks = index == 0 ? new LeaderLinks(this) : null;
            return new org.mpionspark.bridge.collective.Groups() {
                @Override
                public org.mpionspark.bridge.collective.Meetings local() {
                    return local;
                }

                @Override
                public int localIndex() {
                    return index;
                }

                @Override
                public int localSize() {
                    return localRanks.length;
                }

                @Override
                public Links leaders() {
                    return leaderLinks;
                }
            };
        }

        /**
         * This call's steps in memory among the communicator's ranks in this JVM (all of them, or
         * this JVM's group): each {@link #open()} meets them afresh. Members are indexed by their
         * place in {@code localRanks}, which is their rank when all are here.
         */
        private final class Step implements org.mpionspark.bridge.collective.Meetings {
            private final int index = java.util.Arrays.binarySearch(localRanks, rank);
            private int generation;
            private MeetingBoard.Meeting meeting;
            private int phase;

            @Override
            public void open() {
                waiter.call(() -> {
                    meeting = node.meet(context, world.applyAsInt(0), (step << 8) | generation++, localRanks.length,
                            index, fullSignature, operation);
                    return null;
                }, operation, -1);
                phase = 0;
            }

            @Override
            public void publish(Object buf) {
                meeting.publish(index, buf);
            }

            @Override
            public Object buffer(int r) {
                return meeting.buffer(r);
            }

            @Override
            public void sync() {
                MeetingBoard.Meeting m = meeting;
                int ph = phase++;
                m.arrive(index, ph);
                java.util.function.Supplier<Boolean> reached = () -> {
                    mismatch(m); // once every rank has arrived, every rank has joined: this check is final
                    return m.reached(ph) ? Boolean.TRUE : null;
                };
                if (reached.get() != null) {
                    return;
                }
                // the rank named is one still missing, at the moment a report or an error is made
                waiter.await(reached, operation + " waiting in memory", () -> localRanks[Math.max(m.laggard(ph), 0)],
                        unbounded);
            }

            @Override
            public void close() {
                meeting.leave();
                meeting = null;
            }

            /** Throws if a rank met this step with another call than this one. */
            private void mismatch(MeetingBoard.Meeting m) {
                int otherIndex = m.mismatch(fullSignature);
                if (otherIndex < 0) {
                    return;
                }
                int other = localRanks[otherIndex];
                String theirs = m.operation(otherIndex);
                String what;
                if (theirs.equals(END)) {
                    what = "has returned from its function and waits at the end of the stage (this is its call #"
                            + seq + "): a rank skipped a collective or returned early";
                } else if (operation.equals(END)) {
                    what = "is still in a collective (" + theirs + ") that this rank never called: this rank returned "
                            + "from its function early, or skipped a collective";
                } else {
                    what = "called a different collective, or the same one with other arguments (count, root or "
                            + "op): it called " + theirs + " where this rank calls " + operation + " (call #" + seq + ")";
                }
                throw new MpiException(rank, operation, other, "mismatched collective: rank " + other + " " + what);
            }
        }

        /** Waits of this call have no operation timeout (the end of a rank); they still end on an abort. */
        Call unbounded() {
            unbounded = true;
            return this;
        }

        /** The call as the leaders of each JVM see it: their index among the leaders is their rank. */
        private final class LeaderLinks implements Links {
            private final Call call;
            private final int me;

            LeaderLinks(Call call) {
                this.call = call;
                this.me = java.util.Arrays.binarySearch(leaders, rank);
            }

            @Override
            public int rank() {
                return me;
            }

            @Override
            public int size() {
                return leaders.length;
            }

            @Override
            public boolean coresShared() {
                return call.coresShared();
            }

            @Override
            public void send(ArrayKind kind, Object buf, int offset, int count, int dest) {
                call.send(kind, buf, offset, count, leaders[dest]);
            }

            @Override
            public void recv(ArrayKind kind, Object buf, int offset, int count, int source) {
                call.recv(kind, buf, offset, count, leaders[source]);
            }

            @Override
            public void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                                 Object recvbuf, int recvOffset, int recvCount, int source) {
                call.sendrecv(kind, sendbuf, sendOffset, sendCount, leaders[dest], recvbuf, recvOffset, recvCount,
                        leaders[source]);
            }
        }

        /** Throws if {@code source} has sent a message for a different collective call than this one. */
        void diagnose(int source) {
            int[] p = waiter.call(() -> transport.iprobe(Transport.COLLECTIVE, world.applyAsInt(source), Transport.ANY),
                    operation, source);
            if (p == null || (p[1] >>> Matcher.TAG_BITS) != context || mpjOwn(p[1])) {
                return;
            }
            int theirs = p[1] & Matcher.TAG_MASK;
            int theirSeq = theirs >>> SIGNATURE_BITS;
            if (theirs == (tag & Matcher.TAG_MASK)) {
                return;
            }
            String what;
            if ((theirs & SIGNATURE_MASK) == END_SIGNATURE) {
                what = "has returned from its function and waits at the end of the stage (its call #" + theirSeq
                        + ", this one is #" + seq + "): a rank skipped a collective or returned early";
            } else if (signature == END_SIGNATURE) {
                what = "is still in a collective (its call #" + theirSeq + ") that this rank never called: this "
                        + "rank returned from its function early, or skipped a collective";
            } else if (theirSeq == seq) {
                what = "called a different collective, or the same one with other arguments (count, root or op)";
            } else {
                what = "is at another collective call (its call #" + theirSeq + ", this one is #" + seq
                        + "): a rank skipped or added a collective";
            }
            throw new MpiException(rank, operation, source, "mismatched collective: rank " + source + " " + what);
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
        public boolean coresShared() {
            return coresShared;
        }

        @Override
        public void send(ArrayKind kind, Object buf, int offset, int count, int dest) {
            String op = operation + " sending to rank " + dest;
            int to = world.applyAsInt(dest);
            Transport.Pending p = waiter.call(() -> transport.isend(Transport.COLLECTIVE, kind, buf, offset, count, to, tag), op, dest);
            await(p, op, dest, null);
        }

        @Override
        public void recv(ArrayKind kind, Object buf, int offset, int count, int source) {
            String op = operation + " receiving from rank " + source;
            int from = world.applyAsInt(source);
            Transport.Pending p = waiter.call(() -> transport.irecv(Transport.COLLECTIVE, kind, buf, offset, count, from, tag), op, source);
            whole(await(p, op, source, () -> diagnose(source)), count, op, source);
        }

        /** A collective's blocks have sizes every rank agrees on: a shorter message means mismatched counts. */
        private void whole(int[] status, int expected, String op, int source) {
            if (status[2] != expected) {
                throw waiter.countMismatch(op, source, status[2], expected);
            }
        }

        @Override
        public void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                             Object recvbuf, int recvOffset, int recvCount, int source) {
            String in = operation + " receiving from rank " + source;
            String out = operation + " sending to rank " + dest;
            int from = world.applyAsInt(source);
            int to = world.applyAsInt(dest);
            Transport.Pending r = waiter.call(() -> transport.irecv(Transport.COLLECTIVE, kind, recvbuf, recvOffset, recvCount, from, tag), in, source);
            Transport.Pending s = waiter.call(() -> transport.isend(Transport.COLLECTIVE, kind, sendbuf, sendOffset, sendCount, to, tag), out, dest);
            whole(await(r, in, source, () -> diagnose(source)), recvCount, in, source);
            await(s, out, dest, null);
        }

        private int[] await(Transport.Pending p, String op, int peer, Runnable stallCheck) {
            return unbounded ? waiter.awaitUnbounded(p, op, peer, stallCheck) : waiter.await(p, op, peer, stallCheck);
        }
    }
}
