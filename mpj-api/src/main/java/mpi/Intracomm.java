package mpi;

import java.util.ArrayList;
import java.util.List;

import org.mpionspark.mpi.Communicator;

/**
 * An intra-communicator ({@code MPI_Comm}) and its collectives, each one collective of
 * mpi-on-spark's {@link Communicator} on buffers packed to whole arrays; {@code MPI.OBJECT} items go
 * through the object tier, and user reductions on them are folded in rank order.
 */
public class Intracomm extends Comm {

    Intracomm(Communicator comm, boolean predefined) {
        super(comm, predefined);
    }

    public static int Compare(Comm comm1, Comm comm2) throws MPIException {
        return Comm.Compare(comm1, comm2);
    }

    @Override
    public Object clone() throws MPIException {
        return super.clone();
    }

    /** Ranks of one color form a communicator, ordered by key ({@code MPI_Comm_split}); {@code MPI.UNDEFINED}: null. */
    public Intracomm Split(int colour, int key) throws MPIException {
        int color = colour == MPI.UNDEFINED ? org.mpionspark.mpi.Group.UNDEFINED : colour;
        Communicator s = Calls.call("Split", () -> c("Split").split(color, key));
        return s == null ? null : new Intracomm(s, false);
    }

    /** The communicator of {@code group}, null on ranks outside it ({@code MPI_Comm_create}); a collective. */
    public Intracomm Create(Group group) throws MPIException {
        Communicator s = Calls.call("Create", () -> c("Create").create(group.group));
        return s == null ? null : new Intracomm(s, false);
    }

    /** A Cartesian grid over the first ranks ({@code MPI_Cart_create}, never reordered); null on ranks left out. */
    public Cartcomm Create_cart(int[] dims, boolean[] periods, boolean reorder) throws MPIException {
        org.mpionspark.mpi.CartCommunicator s = Calls.call("Create_cart", () -> c("Create_cart").createCart(dims, periods));
        return s == null ? null : new Cartcomm(s);
    }

    /** Not supported: mpi-on-spark has Cartesian topologies only. */
    public Graphcomm Create_graph(int[] index, int[] edges, boolean reorder) {
        throw new MPIException("Create_graph: graph topologies are not supported (Create_cart is)");
    }

    public void Barrier() throws MPIException {
        Calls.run("Barrier", c("Barrier")::barrier);
    }

    /** Copies {@code root}'s items into every rank's buffer ({@code MPI_Bcast}). */
    public void Bcast(Object buf, int offset, int count, Datatype type, int root) throws MPIException {
        String op = "Bcast";
        Communicator c = c(op);
        Packing.check(op, buf, type);
        Calls.run(op, () -> {
            if (type.baseType == Datatype.OBJECT_) {
                byte[] b = c.rank() == root ? Packing.serialize(op, (Object[]) Packing.pack(op, buf, offset, count, type)) : null;
                byte[] got = c.bcastObject(b, root);
                if (c.rank() != root) {
                    Object[] objs = Packing.deserialize(op, got);
                    Packing.unpack(op, objs, 0, objs.length, buf, offset, type);
                }
            } else if (type.contiguousBasic()) {
                c.bcast(buf, offset, count * type.size, root);
            } else {
                Object tmp = Packing.pack(op, buf, offset, count, type);
                c.bcast(tmp, root);
                Packing.unpack(op, tmp, 0, count * type.size, buf, offset, type);
            }
        });
    }

    public void Gather(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf, int recvoffset,
                       int recvcount, Datatype recvtype, int root) throws MPIException {
        int n = Size();
        gatherv("Gather", false, sendbuf, sendoffset, sendcount, sendtype, recvbuf, recvoffset,
                Blocks.uniform(n, recvcount), Blocks.displs(n, recvcount), recvtype, root);
    }

    public void Gatherv(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf, int recvoffset,
                        int[] recvcount, int[] displs, Datatype recvtype, int root) throws MPIException {
        gatherv("Gatherv", false, sendbuf, sendoffset, sendcount, sendtype, recvbuf, recvoffset, recvcount, displs,
                recvtype, root);
    }

    public void Allgather(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf,
                          int recvoffset, int recvcount, Datatype recvtype) throws MPIException {
        int n = Size();
        gatherv("Allgather", true, sendbuf, sendoffset, sendcount, sendtype, recvbuf, recvoffset,
                Blocks.uniform(n, recvcount), Blocks.displs(n, recvcount), recvtype, -1);
    }

    public void Allgatherv(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf,
                           int recvoffset, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        gatherv("Allgatherv", true, sendbuf, sendoffset, sendcount, sendtype, recvbuf, recvoffset, recvcount, displs,
                recvtype, -1);
    }

    /** Gatherv, or Allgatherv when {@code all}: every rank's items, block {@code i} at {@code displs[i]} extents. */
    private void gatherv(String op, boolean all, Object sendbuf, int sendoffset, int sendcount, Datatype sendtype,
                         Object recvbuf, int recvoffset, int[] recvcounts, int[] recvdispls, Datatype recvtype,
                         int root) {
        Communicator c = c(op);
        Blocks.same(op, sendtype, recvtype);
        boolean receives = all || c.rank() == root;
        int[] counts = receives ? Blocks.first(op, "recvcount", recvcounts, c.size()) : null;
        int[] displs = receives ? Blocks.first(op, "displs", recvdispls, c.size()) : null;
        Calls.run(op, () -> {
            Object mine = Packing.pack(op, sendbuf, sendoffset, sendcount, sendtype);
            if (sendtype.baseType == Datatype.OBJECT_) {
                byte[] b = Packing.serialize(op, (Object[]) mine);
                List<byte[]> got = all ? c.allgatherObject(b) : c.gatherObject(b, root);
                if (receives) {
                    for (int i = 0; i < got.size(); i++) {
                        Object[] objs = Packing.deserialize(op, got.get(i));
                        Packing.unpack(op, objs, 0, objs.length, recvbuf, recvoffset + displs[i] * recvtype.Extent(), recvtype);
                    }
                }
                return;
            }
            int n = java.lang.reflect.Array.getLength(mine);
            int[] elements = receives ? Blocks.elements(counts, recvtype) : null;
            Object packed = receives ? Packing.newArray(recvtype, Blocks.sum(elements)) : null;
            if (all) {
                c.allgatherv(mine, 0, n, packed, elements, null);
            } else {
                c.gatherv(mine, 0, n, packed, elements, null, root);
            }
            if (receives) {
                Blocks.unpackAll(op, packed, recvbuf, recvoffset, counts, displs, recvtype);
            }
        });
    }

    public void Scatter(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf, int recvoffset,
                        int recvcount, Datatype recvtype, int root) throws MPIException {
        int n = Size();
        Scatterv(sendbuf, sendoffset, Blocks.uniform(n, sendcount), Blocks.displs(n, sendcount), sendtype, recvbuf,
                recvoffset, recvcount, recvtype, root);
    }

    /** Hands rank {@code i} the root's {@code sendcount[i]} items at {@code displs[i]} extents ({@code MPI_Scatterv}). */
    public void Scatterv(Object sendbuf, int sendoffset, int[] sendcounts, int[] senddispls, Datatype sendtype,
                         Object recvbuf, int recvoffset, int recvcount, Datatype recvtype, int root) throws MPIException {
        String op = "Scatterv";
        Communicator c = c(op);
        Blocks.same(op, sendtype, recvtype);
        boolean isRoot = c.rank() == root;
        int[] sendcount = isRoot ? Blocks.first(op, "sendcount", sendcounts, c.size()) : null;
        int[] displs = isRoot ? Blocks.first(op, "displs", senddispls, c.size()) : null;
        Calls.run(op, () -> {
            if (sendtype.baseType == Datatype.OBJECT_) {
                List<byte[]> blocks = null;
                if (isRoot) {
                    blocks = new ArrayList<>();
                    for (int i = 0; i < sendcount.length; i++) {
                        blocks.add(Packing.serialize(op, (Object[]) Packing.pack(op, sendbuf,
                                sendoffset + displs[i] * sendtype.Extent(), sendcount[i], sendtype)));
                    }
                }
                Object[] objs = Packing.deserialize(op, c.scatterObject(blocks, root));
                Packing.unpack(op, objs, 0, objs.length, recvbuf, recvoffset, recvtype);
                return;
            }
            Object packed = isRoot ? Blocks.packAll(op, sendbuf, sendoffset, sendcount, displs, sendtype) : null;
            int n = recvcount * recvtype.size;
            Object mine = Packing.newArray(recvtype, n);
            c.scatterv(packed, isRoot ? Blocks.elements(sendcount, sendtype) : null, null, mine, 0, n, root);
            Packing.unpack(op, mine, 0, n, recvbuf, recvoffset, recvtype);
        });
    }

    public void Alltoall(Object sendbuf, int sendoffset, int sendcount, Datatype sendtype, Object recvbuf, int recvoffset,
                         int recvcount, Datatype recvtype) throws MPIException {
        int n = Size();
        Alltoallv(sendbuf, sendoffset, Blocks.uniform(n, sendcount), Blocks.displs(n, sendcount), sendtype, recvbuf,
                recvoffset, Blocks.uniform(n, recvcount), Blocks.displs(n, recvcount), recvtype);
    }

    /** Sends block {@code i} to rank {@code i} and receives rank {@code i}'s into block {@code i} ({@code MPI_Alltoallv}). */
    public void Alltoallv(Object sendbuf, int sendoffset, int[] sendcounts, int[] senddispls, Datatype sendtype,
                          Object recvbuf, int recvoffset, int[] recvcounts, int[] recvdispls, Datatype recvtype)
            throws MPIException {
        String op = "Alltoallv";
        Communicator c = c(op);
        Blocks.same(op, sendtype, recvtype);
        int n = c.size();
        int[] sendcount = Blocks.first(op, "sendcount", sendcounts, n);
        int[] sdispls = Blocks.first(op, "sdispls", senddispls, n);
        int[] recvcount = Blocks.first(op, "recvcount", recvcounts, n);
        int[] rdispls = Blocks.first(op, "rdispls", recvdispls, n);
        Calls.run(op, () -> {
            if (sendtype.baseType == Datatype.OBJECT_) {
                List<byte[]> blocks = new ArrayList<>();
                for (int i = 0; i < sendcount.length; i++) {
                    blocks.add(Packing.serialize(op, (Object[]) Packing.pack(op, sendbuf,
                            sendoffset + sdispls[i] * sendtype.Extent(), sendcount[i], sendtype)));
                }
                List<byte[]> got = c.alltoallObject(blocks);
                for (int i = 0; i < got.size(); i++) {
                    Object[] objs = Packing.deserialize(op, got.get(i));
                    Packing.unpack(op, objs, 0, objs.length, recvbuf, recvoffset + rdispls[i] * recvtype.Extent(), recvtype);
                }
                return;
            }
            Object packed = Blocks.packAll(op, sendbuf, sendoffset, sendcount, sdispls, sendtype);
            int[] relements = Blocks.elements(recvcount, recvtype);
            Object got = Packing.newArray(recvtype, Blocks.sum(relements));
            c.alltoallv(packed, Blocks.elements(sendcount, sendtype), null, got, relements, null);
            Blocks.unpackAll(op, got, recvbuf, recvoffset, recvcount, rdispls, recvtype);
        });
    }

    /** Combines every rank's items with {@code op} into the root's ({@code MPI_Reduce}). */
    public void Reduce(Object sendbuf, int sendoffset, Object recvbuf, int recvoffset, int count, Datatype datatype, Op op,
                       int root) throws MPIException {
        new Reductions(this, "Reduce").reduce(sendbuf, sendoffset, recvbuf, recvoffset, count, datatype, op, root);
    }

    /** Combines every rank's items with {@code op} into every rank's ({@code MPI_Allreduce}). */
    public void Allreduce(Object sendbuf, int sendoffset, Object recvbuf, int recvoffset, int count, Datatype datatype,
                          Op op) throws MPIException {
        new Reductions(this, "Allreduce").reduce(sendbuf, sendoffset, recvbuf, recvoffset, count, datatype, op, -1);
    }

    /** Reduces, then leaves block {@code i} of {@code recvcounts[i]} items at rank {@code i} ({@code MPI_Reduce_scatter}). */
    public void Reduce_scatter(Object sendbuf, int sendoffset, Object recvbuf, int recvoffset, int[] recvcounts,
                               Datatype datatype, Op op) throws MPIException {
        new Reductions(this, "Reduce_scatter").reduceScatter(sendbuf, sendoffset, recvbuf, recvoffset, recvcounts,
                datatype, op);
    }

    /** Leaves at rank r the reduction of ranks 0..r's items ({@code MPI_Scan}). */
    public void Scan(Object sendbuf, int sendoffset, Object recvbuf, int recvoffset, int count, Datatype datatype, Op op)
            throws MPIException {
        new Reductions(this, "Scan").scan(sendbuf, sendoffset, recvbuf, recvoffset, count, datatype, op);
    }
}
