package org.mpionspark.bridge.comm;

import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;

import org.mpionspark.bridge.channel.CollectiveChannel;
import org.mpionspark.bridge.channel.Matcher;
import org.mpionspark.bridge.collective.Blocks;
import org.mpionspark.bridge.collective.Call;
import org.mpionspark.bridge.collective.Collectives;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Received;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * One communicator's object tier: any object, encoded by the rank's {@link ObjectCodec} (Kryo),
 * travels as bytes over point-to-point (marked {@link ArrayKind#OBJECT}, so the array tier's
 * receives refuse them) or as a length then the bytes over the array collectives (plain
 * {@link ArrayKind#BYTE}: a collective's messages only ever meet the same call of its peers).
 */
final class ObjectTier {
    private final Arguments check;
    private final CollectiveChannel collectives;
    private final PointToPoint p2p;
    private final ObjectCodec codec;
    private final int rank;
    private final int size;

    ObjectTier(CommState comm, PointToPoint p2p) {
        this.check = comm.check;
        this.collectives = comm.collectives;
        this.p2p = p2p;
        this.codec = comm.shared.codec;
        this.rank = comm.rank;
        this.size = comm.size;
    }

    // ---------------------------------------------------------------------------- point-to-point

    void sendObject(Object obj, int dest, int tag) {
        if (ProcNull.is(dest)) {
            return;
        }
        byte[] bytes = outgoing("sendObject", obj, dest, tag);
        p2p.isendObject(bytes, dest, tag, "sendObject(dest=" + dest + ", tag=" + tag + ")").waitFor();
    }

    Request isendObject(Object obj, int dest, int tag) {
        if (ProcNull.is(dest)) {
            return ProcNull.request();
        }
        byte[] bytes = outgoing("isendObject", obj, dest, tag);
        return p2p.isendObject(bytes, dest, tag, "isendObject(dest=" + dest + ", tag=" + tag + ")");
    }

    /** {@code obj} encoded for {@code call} to {@code dest}, once the arguments are checked. */
    private byte[] outgoing(String call, Object obj, int dest, int tag) {
        String op = call + "(dest=" + dest + ", tag=" + tag + ")";
        check.rank(op, "dest", dest, false);
        check.tag(op, tag, false);
        return encode(op, obj);
    }

    <T> T recvObject(int source, int tag) {
        if (ProcNull.is(source)) {
            return null;
        }
        return this.<T>incoming("recvObject", source, tag).waitForObject();
    }

    <T> Received<T> recvObjectWithStatus(int source, int tag) {
        if (ProcNull.is(source)) {
            return new Received<>(null, ProcNull.status());
        }
        ObjectReceive<T> r = incoming("recvObject", source, tag);
        T value = r.waitForObject();
        return new Received<>(value, r.waitFor());
    }

    <T> ObjectRequest<T> irecvObject(int source, int tag) {
        if (ProcNull.is(source)) {
            return ProcNull.request();
        }
        return incoming("irecvObject", source, tag);
    }

    /** A receive of an object for {@code call}, posted once the arguments are checked. */
    private <T> ObjectReceive<T> incoming(String call, int source, int tag) {
        String op = call + "(source=" + source + ", tag=" + tag + ")";
        check.rank(op, "source", source, true);
        check.tag(op, tag, true);
        return new ObjectReceive<>(p2p.irecvBytes(source, tag, op), op);
    }

    /** An object's bytes in flight, decoded once they have arrived. */
    private final class ObjectReceive<T> implements ObjectRequest<T> {
        private final Matcher.Receive bytes;
        private final String op;
        private boolean decoded;
        private T value;

        ObjectReceive(Matcher.Receive bytes, String op) {
            this.bytes = bytes;
            this.op = op;
        }

        @Override
        public Status waitFor() {
            return bytes.waitFor();
        }

        @Override
        public Optional<Status> test() {
            return bytes.test();
        }

        @Override
        public T waitForObject() {
            return value(bytes.waitFor());
        }

        @Override
        public Optional<T> testObject() {
            return bytes.test().map(this::value);
        }

        /** Withdraws the receive if no object has matched it yet; then {@link #waitForObject()} gives null. */
        @Override
        public boolean cancel() {
            return bytes.cancel();
        }

        @Override
        public Request.Waits waits() {
            return bytes.waits();
        }

        @Override
        public String toString() {
            return bytes.toString();
        }

        @SuppressWarnings("unchecked")
        private T value(Status s) {
            if (s.cancelled()) {
                return null;
            }
            if (!decoded) {
                value = (T) decode(op, bytes.bytes(), s.source());
                decoded = true;
            }
            return value;
        }
    }

    <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        String op = "sendrecvObject(dest=" + dest + ", source=" + source + ")";
        check.rank(op, "dest", dest, false);
        check.tag(op, sendtag, false);
        check.rank(op, "source", source, true);
        check.tag(op, recvtag, true);
        byte[] bytes = encode(op, obj);
        Matcher.Receive r = p2p.irecvBytes(source, recvtag, op);
        Request s = p2p.isendObject(bytes, dest, sendtag, op);
        Status got = r.waitFor();
        s.waitFor();
        @SuppressWarnings("unchecked")
        T value = (T) decode(op, r.bytes(), got.source());
        return value;
    }

    // ------------------------------------------------------------------------------- collectives

    @SuppressWarnings("unchecked")
    <T> T bcastObject(T obj, int root) {
        String op = "bcastObject(root=" + root + ")";
        check.rank(op, "root", root, false);
        byte[] bytes = rank == root ? encode(op, obj) : null;
        int[] length = {bytes == null ? 0 : bytes.length};
        Call call = collectives.begin(op, root);
        Collectives.bcast(call, ArrayKind.INT, length, 0, 1, root);
        if (rank != root) {
            bytes = new byte[length[0]];
        }
        Collectives.bcast(call, ArrayKind.BYTE, bytes, 0, bytes.length, root);
        return rank == root ? obj : (T) decode(op, bytes, root);
    }

    <T> T scatterObject(List<T> objs, int root) {
        String name = "scatterObject(root=" + root + ")";
        check.rank(name, "root", root, false);
        byte[][] parts = rank == root ? encodeEach(name, "the root needs", objs) : null;
        int[] lengths = parts == null ? new int[size] : lengths(parts);
        int[] mine = new int[1];
        Call call = collectives.begin(name, root);
        Collectives.scatter(call, ArrayKind.INT, lengths, Blocks.equal(size, 1, 0), mine, 0, 1, root);
        byte[] all = parts == null ? null : concat(parts);
        byte[] bytes = new byte[mine[0]];
        Collectives.scatter(call, ArrayKind.BYTE, all, Blocks.packed(lengths), bytes, 0, bytes.length, root);
        @SuppressWarnings("unchecked")
        T value = (T) decode(name, bytes, root);
        return value;
    }

    <T> List<T> gatherObject(T obj, int root) {
        String name = "gatherObject(root=" + root + ")";
        check.rank(name, "root", root, false);
        byte[] bytes = encode(name, obj);
        int[] lengths = new int[size];
        Call call = collectives.begin(name, root);
        Collectives.gather(call, ArrayKind.INT, new int[] {bytes.length}, 0, 1, lengths, Blocks.equal(size, 1, 0), root);
        Blocks blocks = Blocks.packed(lengths);
        byte[] all = rank == root ? new byte[blocks.total()] : null;
        Collectives.gather(call, ArrayKind.BYTE, bytes, 0, bytes.length, all, blocks, root);
        return rank == root ? decodeAll(name, all, blocks) : null;
    }

    <T> List<T> allgatherObject(T obj) {
        String name = "allgatherObject()";
        byte[] bytes = encode(name, obj);
        int[] lengths = new int[size];
        Call call = collectives.begin(name);
        Collectives.allgather(call, ArrayKind.INT, new int[] {bytes.length}, 0, lengths, Blocks.equal(size, 1, 0));
        Blocks blocks = Blocks.packed(lengths);
        byte[] all = new byte[blocks.total()];
        Collectives.allgather(call, ArrayKind.BYTE, bytes, 0, all, blocks);
        return decodeAll(name, all, blocks);
    }

    <T> List<T> alltoallObject(List<T> objs) {
        String name = "alltoallObject()";
        byte[][] parts = encodeEach(name, "needs", objs);
        int[] sendLengths = lengths(parts);
        int[] recvLengths = new int[size];
        Blocks ones = Blocks.equal(size, 1, 0);
        Call call = collectives.begin(name);
        Collectives.alltoall(call, ArrayKind.INT, sendLengths, ones, recvLengths, ones);
        Blocks in = Blocks.packed(recvLengths);
        byte[] all = new byte[in.total()];
        Collectives.alltoall(call, ArrayKind.BYTE, concat(parts), Blocks.packed(sendLengths), all, in);
        return decodeAll(name, all, in);
    }

    <T> T reduceObject(T obj, BinaryOperator<T> op, int root) {
        check.present("reduceObject", "op", op);
        List<T> all = gatherObject(obj, root);
        return all == null ? null : fold(all, all.size(), op);
    }

    <T> T allreduceObject(T obj, BinaryOperator<T> op) {
        check.present("allreduceObject", "op", op);
        List<T> all = allgatherObject(obj);
        return fold(all, all.size(), op);
    }

    <T> T scanObject(T obj, BinaryOperator<T> op) {
        check.present("scanObject", "op", op);
        return fold(allgatherObject(obj), rank + 1, op);
    }

    <T> T exscanObject(T obj, BinaryOperator<T> op) {
        check.present("exscanObject", "op", op);
        List<T> all = allgatherObject(obj);
        return rank == 0 ? null : fold(all, rank, op);
    }

    // ------------------------------------------------------------------------------ encoding

    private byte[] encode(String op, Object obj) {
        try {
            return codec.encode(obj);
        } catch (RuntimeException | StackOverflowError e) {
            throw check.misuse(op, "cannot serialise " + (obj == null ? "null" : obj.getClass().getName())
                    + " with Kryo: " + codec.describe(e), e);
        }
    }

    private Object decode(String op, byte[] bytes, int peer) {
        try {
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            throw new MpiException(rank, op, peer, "cannot deserialise the object received (" + bytes.length
                    + " bytes): " + codec.describe(e), e);
        }
    }

    /** {@code objs}, one per rank, each encoded; {@code needs} opens the complaint about a list of another size. */
    private byte[][] encodeEach(String op, String needs, List<?> objs) {
        if (objs == null || objs.size() != size) {
            throw check.misuse(op, needs + " a list of " + size + " objects, one per rank, not "
                    + (objs == null ? "null" : objs.size()));
        }
        byte[][] parts = new byte[size][];
        for (int i = 0; i < size; i++) {
            parts[i] = encode(op, objs.get(i));
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> decodeAll(String op, byte[] all, Blocks blocks) {
        List<T> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add((T) decode(op, java.util.Arrays.copyOfRange(all, blocks.displs()[i],
                    blocks.displs()[i] + blocks.counts()[i]), i));
        }
        return out;
    }

    private static int[] lengths(byte[][] parts) {
        int[] lengths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            lengths[i] = parts[i].length;
        }
        return lengths;
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

    private static <T> T fold(List<T> values, int n, BinaryOperator<T> op) {
        T acc = values.get(0);
        for (int i = 1; i < n; i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }
}
