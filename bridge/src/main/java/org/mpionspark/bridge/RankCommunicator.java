package org.mpionspark.bridge;

import java.util.Objects;
import java.util.Optional;

import org.mpionspark.bridge.collective.Allgather;
import org.mpionspark.bridge.collective.Allreduce;
import org.mpionspark.bridge.collective.Alltoall;
import org.mpionspark.bridge.collective.Blocks;
import org.mpionspark.bridge.collective.Gather;
import org.mpionspark.bridge.collective.Reduce;
import org.mpionspark.bridge.collective.ReduceScatter;
import org.mpionspark.bridge.collective.Scan;
import org.mpionspark.bridge.collective.Scatter;
import org.mpionspark.bridge.collective.Barrier;
import org.mpionspark.bridge.collective.Bcast;
import org.mpionspark.bridge.collective.Links;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Group;
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

    private final RankState state;
    private final Transport transport;
    private final Waiter waiter;
    private final AbortState abort;
    private final ObjectCodec codec;
    private final int context;
    private final int[] worldRanks;
    private final int[] localRanks;
    private final int rank;
    private final int size;
    private final CollectiveChannel collectives;

    /**
     * The world communicator of a rank ({@code MPI_COMM_WORLD}); {@code coresShared}: whether ranks
     * outnumber some host's processors, which picks the collective algorithms; {@code report}
     * tells the driver's watchdog about long waits.
     */
    RankCommunicator(Transport transport, AbortState abort, long opTimeoutMillis, ObjectCodec codec,
                     boolean coresShared, BlockReport report) {
        this(new RankState(transport, abort, opTimeoutMillis, codec, coresShared, report), 0,
                identity(transport.size()));
    }

    private RankCommunicator(RankState state, int context, int[] worldRanks) {
        this.state = state;
        this.transport = state.transport;
        this.waiter = state.waiter;
        this.abort = state.abort;
        this.codec = state.codec;
        this.context = context;
        this.worldRanks = worldRanks;
        this.localRanks = new int[transport.size()];
        java.util.Arrays.fill(localRanks, -1);
        int me = -1;
        for (int i = 0; i < worldRanks.length; i++) {
            localRanks[worldRanks[i]] = i;
            if (worldRanks[i] == transport.rank()) {
                me = i;
            }
        }
        this.rank = me;
        this.size = worldRanks.length;
        this.collectives = new CollectiveChannel(transport, waiter, context, rank, size, this::world,
                state.coresShared);
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private int world(int localRank) {
        return localRank == ANY_SOURCE ? Transport.ANY : worldRanks[localRank];
    }

    private int local(int worldRank) {
        return worldRank < 0 ? worldRank : localRanks[worldRank];
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

    /**
     * MPJ Express's own Allreduce (SUM) on the world, for benchmarks that compare it with ours;
     * blocking and not abortable, unlike every call of {@link Communicator}.
     */
    public void mpjNativeAllreduceSum(double[] sendbuf, double[] recvbuf) {
        if (context != 0) {
            throw new IllegalStateException("MPJ's native Allreduce runs on the world communicator only");
        }
        transport.mpjAllreduceSum(sendbuf, recvbuf);
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
        String op = "send(" + kind.elementName() + "[" + count + "], dest=" + dest + ", tag=" + tag + ")";
        checkRange(op, buf, offset, count);
        checkRank(op, "dest", dest, false);
        checkTag(op, tag, false);
        int to = world(dest);
        int wire = Matcher.wireTag(context, tag);
        Transport.Pending p = waiter.call(() -> transport.isend(Transport.USER, kind, buf, offset, count, to, wire), op, dest);
        return new SendRequest(p, op, dest, tag, count);
    }

    @Override
    public Request irecv(Object buf, int source, int tag) {
        return irecv(buf, 0, lengthOf("irecv(source=" + source + ", tag=" + tag + ")", buf), source, tag);
    }

    @Override
    public Request irecv(Object buf, int offset, int count, int source, int tag) {
        ArrayKind kind = ArrayKind.of(buf, "rank " + rank + " in irecv/recv: buffer");
        String op = "recv(" + kind.elementName() + "[" + count + "], source=" + source + ", tag=" + tag + ")";
        checkRange(op, buf, offset, count);
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        return state.matcher.post(context, world(source), tag == ANY_TAG ? Transport.ANY : tag, kind, buf, offset,
                count, op, rank, this::local);
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
        int[] p = waiter.await(() -> state.matcher.probe(context, world(source), tag == ANY_TAG ? Transport.ANY : tag, op)
                .orElse(null), op, source);
        return new Status(local(p[0]), p[1], p[2]);
    }

    @Override
    public Optional<Status> iprobe(int source, int tag) {
        String op = "iprobe(source=" + source + ", tag=" + tag + ")";
        checkRank(op, "source", source, true);
        checkTag(op, tag, true);
        return state.matcher.probe(context, world(source), tag == ANY_TAG ? Transport.ANY : tag, op)
                .map(p -> new Status(local(p[0]), p[1], p[2]));
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
        Matcher.Receive r = postObject(source, tag, op);
        Status s = r.waitFor();
        return (T) decode(op, r.bytes(), s.source());
    }

    @Override
    public <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        String op = "sendrecvObject(dest=" + dest + ", source=" + source + ")";
        checkRank(op, "dest", dest, false);
        checkTag(op, sendtag, false);
        checkRank(op, "source", source, true);
        checkTag(op, recvtag, true);
        byte[] bytes = encode(op, obj);
        Matcher.Receive r = postObject(source, recvtag, op);
        Request s = isend(bytes, 0, bytes.length, dest, sendtag);
        Status got = r.waitFor();
        s.waitFor();
        @SuppressWarnings("unchecked")
        T value = (T) decode(op, r.bytes(), got.source());
        return value;
    }

    private Matcher.Receive postObject(int source, int tag, String op) {
        return (Matcher.Receive) state.matcher.post(context, world(source), tag == ANY_TAG ? Transport.ANY : tag,
                ArrayKind.BYTE, null, 0, Integer.MAX_VALUE, op, rank, this::local);
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
                    state.matcher.progress(op);
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
            if (done == null && waiter.call(pending::test, op, dest) != null) {
                done = new Status(dest, tag, count);
            }
            if (done == null) {
                waiter.checkStillWaiting(started, op, dest);
            }
            return Optional.ofNullable(done);
        }
    }

    // ------------------------------------------------------------------------------- collectives

    @Override
    public void barrier() {
        Links call = collectives.begin("barrier()");
        Barrier.run(call);
    }

    /**
     * The implicit barrier at the end of a rank, before {@code MPI_Finalize}: it has no operation
     * timeout, since peers may still compute for as long as they need, but ends on an abort.
     */
    void endOfRank() {
        Barrier.run(collectives.begin(CollectiveChannel.END).unbounded());
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
        Links call = collectives.begin(op, kind.ordinal(), count, root);
        Bcast.run(call, kind, buf, offset, count, root);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T bcastObject(T obj, int root) {
        String op = "bcastObject(root=" + root + ")";
        checkRank(op, "root", root, false);
        byte[] bytes = rank == root ? encode(op, obj) : null;
        int[] length = {bytes == null ? 0 : bytes.length};
        Links call = collectives.begin(op, root);
        Bcast.run(call, ArrayKind.INT, length, 0, 1, root);
        if (rank != root) {
            bytes = new byte[length[0]];
        }
        Bcast.run(call, ArrayKind.BYTE, bytes, 0, bytes.length, root);
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
        Links call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode());
        Allreduce.run(call, kind, recvbuf, count, kind.bytes(), op);
    }

    @Override
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        Object mine = sendbuf == IN_PLACE ? recvbuf : sendbuf;
        ArrayKind kind = ArrayKind.of(mine, "rank " + rank + " in reduce: sendbuf");
        String name = "reduce(" + kind.elementName() + "[], " + op + ", root=" + root + ")";
        checkRank(name, "root", root, false);
        Objects.requireNonNull(op, () -> name + ": op is null");
        op.checkApplies(mine);
        int count = kind.length(mine);
        if (rank == root) {
            sameShape(name, "recvbuf", recvbuf, kind, count);
        }
        Object data = kind.newArray(count);
        System.arraycopy(mine, 0, data, 0, count);
        Links call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode(), root);
        Reduce.run(call, kind, data, count, op, root);
        if (rank == root) {
            System.arraycopy(data, 0, recvbuf, 0, count);
        }
    }

    @Override
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] counts, Op op) {
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in reduceScatter: recvbuf");
        String name = "reduceScatter(" + kind.elementName() + "[], " + op + ")";
        Objects.requireNonNull(op, () -> name + ": op is null");
        Blocks blocks = Blocks.packed(Objects.requireNonNull(counts, () -> name + ": counts is null"));
        Object mine = sendbuf == IN_PLACE ? recvbuf : sendbuf;
        sameShape(name, "sendbuf", mine, kind, blocks.total());
        op.checkApplies(mine);
        blocks.check(name, size, blocks.total());
        if (kind.length(recvbuf) < counts[rank]) {
            throw new IllegalArgumentException(name + ": recvbuf holds " + kind.length(recvbuf) + " elements, block "
                    + rank + " has " + counts[rank]);
        }
        Object data = kind.newArray(blocks.total());
        System.arraycopy(mine, 0, data, 0, blocks.total());
        Links call = collectives.begin(name, kind.ordinal(), java.util.Arrays.hashCode(counts), op.name().hashCode());
        if (op.commutative()) {
            ReduceScatter.ring(call, kind, data, blocks, op);
        } else {
            Allreduce.run(call, kind, data, blocks.total(), kind.bytes(), op);
        }
        System.arraycopy(data, blocks.displs()[rank], recvbuf, 0, counts[rank]);
    }

    @Override
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        scan("scan", sendbuf, recvbuf, op, true);
    }

    @Override
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        scan("exscan", sendbuf, recvbuf, op, false);
    }

    private void scan(String what, Object sendbuf, Object recvbuf, Op op, boolean inclusive) {
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in " + what + ": recvbuf");
        String name = what + "(" + kind.elementName() + "[], " + op + ")";
        Objects.requireNonNull(op, () -> name + ": op is null");
        op.checkApplies(recvbuf);
        int count = kind.length(recvbuf);
        Object data = kind.newArray(count);
        Object mine = sendbuf == IN_PLACE ? recvbuf : sendbuf;
        sameShape(name, "sendbuf", mine, kind, count);
        System.arraycopy(mine, 0, data, 0, count);
        Links call = collectives.begin(name, kind.ordinal(), count, op.name().hashCode());
        Scan.run(call, kind, data, count, op, inclusive);
        if (inclusive || rank > 0) {
            System.arraycopy(data, 0, recvbuf, 0, count);
        }
    }

    @Override
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        String name = "scatter(root=" + root + ")";
        checkRank(name, "root", root, false);
        if (rank == root && recvbuf == IN_PLACE) {
            ArrayKind kind = ArrayKind.of(sendbuf, "rank " + rank + " in " + name + ": sendbuf");
            int n = equalBlocks(name, "sendbuf", kind, sendbuf);
            scatterv(sendbuf, Blocks.equal(size, n / size, 0), null, 0, n / size, root, kind, name);
            return;
        }
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in " + name + ": recvbuf");
        int count = kind.length(recvbuf);
        if (rank == root) {
            sameShape(name, "sendbuf", sendbuf, kind, count * size);
        }
        scatterv(sendbuf, Blocks.equal(size, count, 0), recvbuf, 0, count, root, kind, name);
    }

    @Override
    public void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int recvOffset, int recvCount,
                         int root) {
        String name = "scatterv(root=" + root + ")";
        checkRank(name, "root", root, false);
        ArrayKind kind = ArrayKind.of(rank == root ? sendbuf : recvbuf, "rank " + rank + " in " + name + ": buffer");
        scatterv(sendbuf, Blocks.of(counts, displs), recvbuf, recvOffset, recvCount, root, kind, name);
    }

    private void scatterv(Object sendbuf, Blocks blocks, Object recvbuf, int recvOffset, int recvCount, int root,
                          ArrayKind kind, String name) {
        if (rank == root) {
            sameKind(name, "sendbuf", sendbuf, kind);
            blocks.check(name, size, kind.length(sendbuf));
            if (recvbuf != null && blocks.counts()[root] != recvCount) {
                throw new IllegalArgumentException(name + ": the root sends itself " + blocks.counts()[root]
                        + " elements but receives " + recvCount);
            }
        }
        if (recvbuf != null) {
            sameKind(name, "recvbuf", recvbuf, kind);
            checkRange(name, recvbuf, recvOffset, recvCount);
        }
        Links call = collectives.begin(name, kind.ordinal(), root);
        Scatter.run(call, kind, sendbuf, blocks, recvbuf, recvOffset, recvCount, root);
    }

    @Override
    public void gather(Object sendbuf, Object recvbuf, int root) {
        String name = "gather(root=" + root + ")";
        checkRank(name, "root", root, false);
        if (rank == root && sendbuf == IN_PLACE) {
            ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in " + name + ": recvbuf");
            int n = equalBlocks(name, "recvbuf", kind, recvbuf);
            int count = n / size;
            gatherv(null, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
            return;
        }
        ArrayKind kind = ArrayKind.of(sendbuf, "rank " + rank + " in " + name + ": sendbuf");
        int count = kind.length(sendbuf);
        if (rank == root) {
            sameShape(name, "recvbuf", recvbuf, kind, count * size);
        }
        gatherv(sendbuf, 0, count, recvbuf, Blocks.equal(size, count, 0), root, kind, name);
    }

    @Override
    public void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs,
                        int root) {
        String name = "gatherv(root=" + root + ")";
        checkRank(name, "root", root, false);
        boolean inPlace = rank == root && sendbuf == IN_PLACE;
        ArrayKind kind = ArrayKind.of(inPlace ? recvbuf : sendbuf, "rank " + rank + " in " + name + ": buffer");
        gatherv(inPlace ? null : sendbuf, sendOffset, sendCount, recvbuf, Blocks.of(counts, displs), root, kind, name);
    }

    private void gatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, Blocks blocks, int root,
                         ArrayKind kind, String name) {
        if (sendbuf != null) {
            checkRange(name, sendbuf, sendOffset, sendCount);
        }
        if (rank == root) {
            sameKind(name, "recvbuf", recvbuf, kind);
            blocks.check(name, size, kind.length(recvbuf));
            if (blocks.counts()[root] != sendCount) {
                throw new IllegalArgumentException(name + ": the root expects " + blocks.counts()[root]
                        + " elements from itself but sends " + sendCount);
            }
        }
        Links call = collectives.begin(name, kind.ordinal(), root);
        Gather.run(call, kind, sendbuf, sendOffset, sendCount, recvbuf, blocks, root);
    }

    @Override
    public void allgather(Object sendbuf, Object recvbuf) {
        String name = "allgather()";
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in " + name + ": recvbuf");
        int n = equalBlocks(name, "recvbuf", kind, recvbuf);
        int count = n / size;
        if (sendbuf != IN_PLACE) {
            sameShape(name, "sendbuf", sendbuf, kind, count);
        }
        Links call = collectives.begin(name, kind.ordinal(), count);
        Allgather.run(call, kind, sendbuf == IN_PLACE ? null : sendbuf, 0, recvbuf, Blocks.equal(size, count, 0));
    }

    @Override
    public void allgatherv(Object sendbuf, int sendOffset, int sendCount, Object recvbuf, int[] counts, int[] displs) {
        String name = "allgatherv()";
        ArrayKind kind = ArrayKind.of(recvbuf, "rank " + rank + " in " + name + ": recvbuf");
        Blocks blocks = Blocks.of(counts, displs);
        blocks.check(name, size, kind.length(recvbuf));
        if (sendbuf != IN_PLACE) {
            sameKind(name, "sendbuf", sendbuf, kind);
            checkRange(name, sendbuf, sendOffset, sendCount);
            if (sendCount != counts[rank]) {
                throw new IllegalArgumentException(name + ": rank " + rank + " sends " + sendCount
                        + " elements but counts[" + rank + "] is " + counts[rank]);
            }
        }
        Links call = collectives.begin(name, kind.ordinal(), java.util.Arrays.hashCode(counts));
        Allgather.run(call, kind, sendbuf == IN_PLACE ? null : sendbuf, sendOffset, recvbuf, blocks);
    }

    @Override
    public void alltoall(Object sendbuf, Object recvbuf) {
        String name = "alltoall()";
        ArrayKind kind = ArrayKind.of(sendbuf, "rank " + rank + " in " + name + ": sendbuf");
        int n = equalBlocks(name, "sendbuf", kind, sendbuf);
        sameShape(name, "recvbuf", recvbuf, kind, n);
        Blocks blocks = Blocks.equal(size, n / size, 0);
        Links call = collectives.begin(name, kind.ordinal(), n);
        Alltoall.run(call, kind, sendbuf, blocks, recvbuf, blocks);
    }

    @Override
    public void alltoallv(Object sendbuf, int[] sendCounts, int[] sendDispls, Object recvbuf, int[] recvCounts,
                          int[] recvDispls) {
        String name = "alltoallv()";
        ArrayKind kind = ArrayKind.of(sendbuf, "rank " + rank + " in " + name + ": sendbuf");
        sameKind(name, "recvbuf", recvbuf, kind);
        Blocks send = Blocks.of(sendCounts, sendDispls);
        Blocks recv = Blocks.of(recvCounts, recvDispls);
        send.check(name + " send side", size, kind.length(sendbuf));
        recv.check(name + " receive side", size, kind.length(recvbuf));
        if (sendCounts[rank] != recvCounts[rank]) {
            throw new IllegalArgumentException(name + ": rank " + rank + " sends itself " + sendCounts[rank]
                    + " elements but expects " + recvCounts[rank]);
        }
        Links call = collectives.begin(name, kind.ordinal());
        Alltoall.run(call, kind, sendbuf, send, recvbuf, recv);
    }

    // ----------------------------------------------------------------- collectives, object tier

    @Override
    public <T> T scatterObject(java.util.List<T> objs, int root) {
        String name = "scatterObject(root=" + root + ")";
        checkRank(name, "root", root, false);
        byte[][] parts = null;
        if (rank == root) {
            if (objs == null || objs.size() != size) {
                throw new IllegalArgumentException("rank " + rank + " in " + name + ": the root needs a list of " + size
                        + " objects, one per rank, not " + (objs == null ? "null" : objs.size()));
            }
            parts = new byte[size][];
            for (int i = 0; i < size; i++) {
                parts[i] = encode(name, objs.get(i));
            }
        }
        int[] lengths = new int[size];
        if (parts != null) {
            for (int i = 0; i < size; i++) {
                lengths[i] = parts[i].length;
            }
        }
        int[] mine = new int[1];
        Links call = collectives.begin(name, root);
        Scatter.run(call, ArrayKind.INT, lengths, Blocks.equal(size, 1, 0), mine, 0, 1, root);
        byte[] all = parts == null ? null : concat(parts);
        byte[] bytes = new byte[mine[0]];
        Scatter.run(call, ArrayKind.BYTE, all, Blocks.packed(lengths), bytes, 0, bytes.length, root);
        @SuppressWarnings("unchecked")
        T value = (T) decode(name, bytes, root);
        return value;
    }

    @Override
    public <T> java.util.List<T> gatherObject(T obj, int root) {
        String name = "gatherObject(root=" + root + ")";
        checkRank(name, "root", root, false);
        byte[] bytes = encode(name, obj);
        int[] lengths = new int[size];
        Links call = collectives.begin(name, root);
        Gather.run(call, ArrayKind.INT, new int[] {bytes.length}, 0, 1, lengths, Blocks.equal(size, 1, 0), root);
        Blocks blocks = Blocks.packed(lengths);
        byte[] all = rank == root ? new byte[blocks.total()] : null;
        Gather.run(call, ArrayKind.BYTE, bytes, 0, bytes.length, all, blocks, root);
        return rank == root ? decodeAll(name, all, blocks) : null;
    }

    @Override
    public <T> java.util.List<T> allgatherObject(T obj) {
        String name = "allgatherObject()";
        byte[] bytes = encode(name, obj);
        int[] lengths = new int[size];
        Links call = collectives.begin(name);
        Allgather.run(call, ArrayKind.INT, new int[] {bytes.length}, 0, lengths, Blocks.equal(size, 1, 0));
        Blocks blocks = Blocks.packed(lengths);
        byte[] all = new byte[blocks.total()];
        Allgather.run(call, ArrayKind.BYTE, bytes, 0, all, blocks);
        return decodeAll(name, all, blocks);
    }

    @Override
    public <T> java.util.List<T> alltoallObject(java.util.List<T> objs) {
        String name = "alltoallObject()";
        if (objs == null || objs.size() != size) {
            throw new IllegalArgumentException("rank " + rank + " in " + name + ": needs a list of " + size
                    + " objects, one per rank, not " + (objs == null ? "null" : objs.size()));
        }
        byte[][] parts = new byte[size][];
        int[] sendLengths = new int[size];
        for (int i = 0; i < size; i++) {
            parts[i] = encode(name, objs.get(i));
            sendLengths[i] = parts[i].length;
        }
        int[] recvLengths = new int[size];
        Blocks ones = Blocks.equal(size, 1, 0);
        Links call = collectives.begin(name);
        Alltoall.run(call, ArrayKind.INT, sendLengths, ones, recvLengths, ones);
        Blocks in = Blocks.packed(recvLengths);
        byte[] all = new byte[in.total()];
        Alltoall.run(call, ArrayKind.BYTE, concat(parts), Blocks.packed(sendLengths), all, in);
        return decodeAll(name, all, in);
    }

    @Override
    public <T> T reduceObject(T obj, java.util.function.BinaryOperator<T> op, int root) {
        Objects.requireNonNull(op, "op");
        java.util.List<T> all = gatherObject(obj, root);
        return all == null ? null : fold(all, all.size(), op);
    }

    @Override
    public <T> T allreduceObject(T obj, java.util.function.BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        java.util.List<T> all = allgatherObject(obj);
        return fold(all, all.size(), op);
    }

    @Override
    public <T> T scanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        return fold(allgatherObject(obj), rank + 1, op);
    }

    @Override
    public <T> T exscanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        java.util.List<T> all = allgatherObject(obj);
        return rank == 0 ? null : fold(all, rank, op);
    }

    private static <T> T fold(java.util.List<T> values, int n, java.util.function.BinaryOperator<T> op) {
        T acc = values.get(0);
        for (int i = 1; i < n; i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }

    private static byte[] concat(byte[][] parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> java.util.List<T> decodeAll(String op, byte[] all, Blocks blocks) {
        java.util.List<T> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add((T) decode(op, java.util.Arrays.copyOfRange(all, blocks.displs()[i],
                    blocks.displs()[i] + blocks.counts()[i]), i));
        }
        return out;
    }

    /** The length of {@code buf}, checked to split into one equal block per rank. */
    private int equalBlocks(String op, String what, ArrayKind kind, Object buf) {
        int n = kind.length(buf);
        if (n % size != 0) {
            throw new IllegalArgumentException(op + ": " + what + " of " + n + " elements is not " + size + " equal blocks");
        }
        return n;
    }

    private void sameKind(String op, String what, Object buf, ArrayKind kind) {
        if (buf == null || buf.getClass() != kind.arrayClass()) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": " + what + " must be a "
                    + kind.elementName() + "[], not " + (buf == null ? "null" : buf.getClass().getSimpleName()));
        }
    }

    private void sameShape(String op, String what, Object buf, ArrayKind kind, int length) {
        sameKind(op, what, buf, kind);
        if (kind.length(buf) != length) {
            throw new IllegalArgumentException("rank " + rank + " in " + op + ": " + what + " must hold " + length
                    + " elements, not " + kind.length(buf));
        }
    }

    // ----------------------------------------------------------- communicators and groups

    @Override
    public Group group() {
        return new Group(worldRanks, transport.rank());
    }

    @Override
    public Communicator split(int color, int key) {
        String name = "split(color=" + color + ", key=" + key + ")";
        if (color < 0 && color != Group.UNDEFINED) {
            throw new IllegalArgumentException("rank " + rank + " in " + name + ": color must be 0 or more, or Group.UNDEFINED");
        }
        int[] mine = {color, key, state.nextContext};
        int[] all = new int[3 * size];
        Links call = collectives.begin(name);
        Allgather.run(call, ArrayKind.INT, mine, 0, all, Blocks.equal(size, 3, 0));
        int newContext = newContext(all, 2, name);
        if (color == Group.UNDEFINED) {
            return null;
        }
        java.util.List<int[]> members = new java.util.ArrayList<>(); // {key, rank here}
        for (int r = 0; r < size; r++) {
            if (all[3 * r] == color) {
                members.add(new int[] {all[3 * r + 1], r});
            }
        }
        members.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int[] worlds = members.stream().mapToInt(m -> worldRanks[m[1]]).toArray();
        return new RankCommunicator(state, newContext, worlds);
    }

    @Override
    public Communicator dup() {
        return split(0, rank);
    }

    @Override
    public Communicator create(Group group) {
        String name = "create(" + group + ")";
        Objects.requireNonNull(group, () -> "rank " + rank + " in create: group is null");
        java.util.Set<Integer> here = new java.util.HashSet<>();
        for (int w : worldRanks) {
            here.add(w);
        }
        for (int w : group.worldRanks()) {
            if (!here.contains(w)) {
                throw new IllegalArgumentException("rank " + rank + " in " + name + ": the group holds a process that "
                        + "is not in this communicator");
            }
        }
        // agree on the context, and check every rank passed the same group
        int[] mine = {state.nextContext, java.util.Arrays.hashCode(group.worldRanks())};
        int[] all = new int[2 * size];
        Links call = collectives.begin(name);
        Allgather.run(call, ArrayKind.INT, mine, 0, all, Blocks.equal(size, 2, 0));
        for (int r = 0; r < size; r++) {
            if (all[2 * r + 1] != mine[1]) {
                throw new MpiException(rank, name, r, "rank " + r + " passed a different group: create(group) needs "
                        + "the same group on every rank");
            }
        }
        int newContext = newContext(all, 0, name);
        return group.rank() == Group.UNDEFINED ? null : new RankCommunicator(state, newContext, group.worldRanks());
    }

    /** The largest next-free context id among the ranks (field {@code at} of each rank's row), reserved on this rank. */
    private int newContext(int[] rows, int at, String name) {
        int width = rows.length / size;
        int ctx = 0;
        for (int r = 0; r < size; r++) {
            ctx = Math.max(ctx, rows[width * r + at]);
        }
        if (ctx > Matcher.MAX_CONTEXT) {
            throw new MpiException(rank, name, -1, "no communicator context left (" + Matcher.MAX_CONTEXT
                    + " per rank and world)");
        }
        state.nextContext = ctx + 1;
        return ctx;
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
}
