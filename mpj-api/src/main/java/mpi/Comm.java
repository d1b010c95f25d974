package mpi;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Received;

/**
 * A communicator ({@code MPI_Comm}) and its point-to-point calls, each one call of mpi-on-spark's
 * {@link Communicator}: buffers of a basic type travel as they are, derived types packed,
 * {@code MPI.OBJECT} items Java-serialised through the object tier. Synchronous, buffered and
 * ready sends are standard sends (MPI allows it: none of them may be relied on to buffer).
 */
public class Comm {

    /** Our communicator; for {@code MPI.COMM_WORLD} and {@code MPI.COMM_SELF}, set by Init and cleared by Finalize. */
    private Communicator comm;
    /** Whether this is one of MPI's own, bound and unbound by Init and Finalize. */
    private final boolean predefined;

    Comm(Communicator comm, boolean predefined) {
        this.comm = comm;
        this.predefined = predefined;
    }

    void bind(Communicator c) {
        this.comm = c;
    }

    /** Our communicator, or an error naming {@code op} when MPI is not running or this one is freed. */
    Communicator c(String op) {
        MPI.active(op);
        if (comm == null) {
            throw new MPIException(op + ": this communicator was freed");
        }
        return comm;
    }

    public int Size() throws MPIException {
        return c("Size").size();
    }

    public int Rank() throws MPIException {
        return c("Rank").rank();
    }

    public Group Group() throws MPIException {
        return new Group(c("Group").group());
    }

    /** {@code MPI.IDENT} (the same communicator), {@code CONGRUENT} (same ranks, in order), {@code SIMILAR} or {@code UNEQUAL}. */
    public static int Compare(Comm comm1, Comm comm2) throws MPIException {
        if (comm1.c("Compare") == comm2.c("Compare")) {
            return MPI.IDENT;
        }
        int g = Group.Compare(comm1.Group(), comm2.Group());
        return g == MPI.IDENT ? MPI.CONGRUENT : g;
    }

    /** Frees this communicator ({@code MPI_Comm_free}); {@code MPI.COMM_WORLD} cannot be freed. */
    public void Free() throws MPIException {
        if (predefined) {
            throw new MPIException("Free: MPI.COMM_WORLD and MPI.COMM_SELF cannot be freed");
        }
        Calls.run("Free", c("Free")::free);
        comm = null;
    }

    public boolean Test_inter() throws MPIException {
        return false;
    }

    /** {@code MPI.TAG_UB}: the largest tag; {@code MPI.HOST}, {@code MPI.IO}: {@code MPI.PROC_NULL}. */
    public Object Attr_get(int keyval) throws MPIException {
        if (keyval == MPI.TAG_UB) {
            return MPI.TAG_UB;
        }
        return MPI.PROC_NULL;
    }

    public void Attr_delete(int keyval) throws MPIException {
    }

    /** An upper bound of the bytes {@code incount} items of {@code datatype} take when packed ({@code MPI_Pack_size}). */
    public int Pack_size(int incount, Datatype datatype) throws MPIException {
        return incount * Math.max(datatype.getByteSize(), 1) + 64;
    }

    public int Topo_test() throws MPIException {
        return MPI.UNDEFINED;
    }

    /** Aborts every rank ({@code MPI_Abort}): the others fail naming this rank and the code. */
    public void Abort(int errorcode) throws MPIException {
        Calls.run("Abort", () -> c("Abort").abort(errorcode));
    }

    /** A duplicate ({@code MPI_Comm_dup}); a collective. */
    @Override
    public Object clone() throws MPIException {
        return new Intracomm(Calls.call("clone", () -> c("clone").dup()), false);
    }

    // ------------------------------------------------------------------------- sends

    /** Sends {@code count} items of {@code datatype} from {@code offset} of {@code buf} ({@code MPI_Send}). */
    public void Send(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        send("Send", buf, offset, count, datatype, dest, tag);
    }

    public void Ssend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        send("Ssend", buf, offset, count, datatype, dest, tag);
    }

    public void Bsend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        send("Bsend", buf, offset, count, datatype, dest, tag);
    }

    public void Rsend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        send("Rsend", buf, offset, count, datatype, dest, tag);
    }

    private void send(String op, Object buf, int offset, int count, Datatype t, int dest, int tag) {
        Communicator c = c(op);
        Calls.run(op, () -> {
            Object data = data(op, buf, offset, count, t);
            if (data == null) {
                c.send(buf, offset, count * t.size, dest, tag);
            } else if (data instanceof byte[] b && t.baseType == Datatype.OBJECT_) {
                c.sendObject(b, dest, tag);
            } else {
                c.send(data, dest, tag);
            }
        });
    }

    /** Starts a send ({@code MPI_Isend}); the request completes when {@code buf} may be reused. */
    public Request Isend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return isend("Isend", buf, offset, count, datatype, dest, tag);
    }

    public Request Ibsend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return isend("Ibsend", buf, offset, count, datatype, dest, tag);
    }

    public Request Issend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return isend("Issend", buf, offset, count, datatype, dest, tag);
    }

    public Request Irsend(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return isend("Irsend", buf, offset, count, datatype, dest, tag);
    }

    private Request isend(String op, Object buf, int offset, int count, Datatype t, int dest, int tag) {
        Communicator c = c(op);
        return Calls.call(op, () -> {
            Object data = data(op, buf, offset, count, t);
            org.mpionspark.mpi.Request r = data == null ? c.isend(buf, offset, count * t.size, dest, tag)
                    : t.baseType == Datatype.OBJECT_ ? c.isendObject(data, dest, tag) : c.isend(data, dest, tag);
            return Request.of(r, s -> new Status(c.rank(), tag, count * t.size));
        });
    }

    /** What travels for {@code count} items at {@code offset}: null when {@code buf} itself can go, else packed (bytes for objects). */
    private static Object data(String op, Object buf, int offset, int count, Datatype t) {
        Packing.check(op, buf, t);
        Packing.counted(op, count);
        if (t.baseType == Datatype.OBJECT_) {
            return Packing.serialize(op, (Object[]) Packing.pack(op, buf, offset, count, t));
        }
        return t.contiguousBasic() ? null : Packing.pack(op, buf, offset, count, t);
    }

    // ------------------------------------------------------------------------- receives

    /** Receives at most {@code count} items of {@code datatype} into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status Recv(Object buf, int offset, int count, Datatype datatype, int source, int tag) throws MPIException {
        String op = "Recv";
        Communicator c = c(op);
        Packing.check(op, buf, datatype);
        Packing.counted(op, count);
        return Calls.call(op, () -> {
            if (datatype.baseType == Datatype.OBJECT_) {
                Received<byte[]> r = c.recvObjectWithStatus(source, tag);
                return objects(op, r.value(), r.status(), buf, offset, count, datatype);
            }
            if (datatype.contiguousBasic()) {
                org.mpionspark.mpi.Status s = c.recv(buf, offset, count * datatype.size, source, tag);
                return Status.of(s, s.count());
            }
            Object tmp = Packing.newArray(datatype, count * datatype.size);
            org.mpionspark.mpi.Status s = c.recv(tmp, source, tag);
            Packing.unpack(op, tmp, 0, s.count(), buf, offset, datatype);
            return Status.of(s, s.count());
        });
    }

    /** Starts a receive ({@code MPI_Irecv}); {@code buf} holds the message once the request completes. */
    public Request Irecv(Object buf, int offset, int count, Datatype datatype, int source, int tag) throws MPIException {
        String op = "Irecv";
        Communicator c = c(op);
        Packing.check(op, buf, datatype);
        Packing.counted(op, count);
        return Calls.call(op, () -> {
            if (datatype.baseType == Datatype.OBJECT_) {
                ObjectRequest<byte[]> q = c.irecvObject(source, tag);
                return Request.of(q, s -> objects(op, q.waitForObject(), s, buf, offset, count, datatype));
            }
            if (datatype.contiguousBasic()) {
                return Request.of(c.irecv(buf, offset, count * datatype.size, source, tag), s -> Status.of(s, s.count()));
            }
            Object tmp = Packing.newArray(datatype, count * datatype.size);
            return Request.of(c.irecv(tmp, source, tag), s -> {
                Packing.unpack(op, tmp, 0, s.count(), buf, offset, datatype);
                return Status.of(s, s.count());
            });
        });
    }

    /** Unpacks received {@code MPI.OBJECT} items; more than {@code count} is an error, as a too-long message is. */
    private static Status objects(String op, byte[] bytes, org.mpionspark.mpi.Status s, Object buf, int offset, int count,
                                  Datatype t) {
        if (bytes == null) { // from MPI.PROC_NULL
            return new Status(s.source(), s.tag(), 0);
        }
        Object[] objs = Packing.deserialize(op, bytes);
        if (objs.length > count * t.size) {
            throw new MPIException(op + ": the message from rank " + s.source() + " holds " + objs.length
                    + " objects, more than the " + count + " items of " + t + " the receive has room for");
        }
        Packing.unpack(op, objs, 0, objs.length, buf, offset, t);
        return new Status(s.source(), s.tag(), objs.length);
    }

    /** Blocks until a matching message has arrived; its status, without receiving it ({@code MPI_Probe}). */
    public Status Probe(int source, int tag) throws MPIException {
        Communicator c = c("Probe");
        return Calls.call("Probe", () -> {
            org.mpionspark.mpi.Status s = c.probe(source, tag);
            return Status.of(s, s.count());
        });
    }

    /** The status of a matching message if one has arrived, else null; never blocks ({@code MPI_Iprobe}). */
    public Status Iprobe(int source, int tag) throws MPIException {
        Communicator c = c("Iprobe");
        return Calls.call("Iprobe", () -> c.iprobe(source, tag).map(s -> Status.of(s, s.count())).orElse(null));
    }

    // ------------------------------------------------------------------------- combined and persistent

    /** Sends and receives at once ({@code MPI_Sendrecv}): the send is started first, so two ranks exchanging cannot deadlock. */
    public Status Sendrecv(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, int dest, int sendtag,
                           Object recvbuf, int recvoffset, int recvcount, Datatype recvtype, int source, int recvtag)
            throws MPIException {
        Request sent = isend("Sendrecv", sendbuf, sendoffset, sendcount, sendtype, dest, sendtag);
        Status got = Recv(recvbuf, recvoffset, recvcount, recvtype, source, recvtag);
        sent.Wait();
        return got;
    }

    /** Sends {@code buf}'s items, then receives into them ({@code MPI_Sendrecv_replace}). */
    public Status Sendrecv_replace(Object buf, int offset, int count, Datatype datatype, int dest, int sendtag, int source,
                                   int recvtag) throws MPIException {
        Object copy = Packing.pack("Sendrecv_replace", buf, offset, count, datatype);
        Datatype packed = Datatype.basic(datatype.name, datatype.baseType);
        Request sent = isend("Sendrecv_replace", copy, 0, count * datatype.size, packed, dest, sendtag);
        Status got = Recv(buf, offset, count, datatype, source, recvtag);
        sent.Wait();
        return got;
    }

    public Prequest Send_init(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        c("Send_init");
        return new Prequest(() -> Isend(buf, offset, count, datatype, dest, tag));
    }

    public Prequest Bsend_init(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return Send_init(buf, offset, count, datatype, dest, tag);
    }

    public Prequest Ssend_init(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return Send_init(buf, offset, count, datatype, dest, tag);
    }

    public Prequest Rsend_init(Object buf, int offset, int count, Datatype datatype, int dest, int tag) throws MPIException {
        return Send_init(buf, offset, count, datatype, dest, tag);
    }

    public Prequest Recv_init(Object buf, int offset, int count, Datatype datatype, int source, int tag)
            throws MPIException {
        c("Recv_init");
        return new Prequest(() -> Irecv(buf, offset, count, datatype, source, tag));
    }
}
