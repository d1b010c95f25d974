package mpi;

import java.util.List;

import org.mpionspark.mpi.Communicator;

/**
 * Reduce, Allreduce, Reduce_scatter and Scan of one call: primitive items go to mpi-on-spark's
 * collective (a buffer of a basic type as it is, anything else packed); {@code MPI.OBJECT} items are
 * gathered and folded in rank order with the user's function, {@code in} being the lower rank's.
 */
final class Reductions {

    private final Communicator c;
    private final String name;

    Reductions(Intracomm comm, String name) {
        this.c = comm.c(name);
        this.name = name;
    }

    /** Reduce to {@code root}, or Allreduce when {@code root} is -1. */
    void reduce(Object sendbuf, int soff, Object recvbuf, int roff, int count, Datatype t, Op op, int root) {
        boolean receives = root < 0 || c.rank() == root;
        Packing.check(name, sendbuf, t);
        if (receives) {
            Packing.check(name, recvbuf, t);
        }
        Calls.run(name, () -> {
            if (t.baseType == Datatype.OBJECT_) {
                byte[] mine = Packing.serialize(name, (Object[]) Packing.pack(name, sendbuf, soff, count, t));
                List<byte[]> all = root < 0 ? c.allgatherObject(mine) : c.gatherObject(mine, root);
                if (receives) {
                    Object[] acc = fold(all, all.size() - 1, count, t, op);
                    Packing.unpack(name, acc, 0, acc.length, recvbuf, roff, t);
                }
                return;
            }
            int n = count * t.size;
            Object s = whole(sendbuf, soff, n, t) ? sendbuf : Packing.pack(name, sendbuf, soff, count, t);
            boolean direct = receives && whole(recvbuf, roff, n, t);
            Object r = !receives ? null : direct ? recvbuf : Packing.newArray(t, n);
            if (root < 0) {
                c.allreduce(s, r, op.engine(name, t));
            } else {
                c.reduce(s, r, op.engine(name, t), root);
            }
            if (receives && !direct) {
                Packing.unpack(name, r, 0, n, recvbuf, roff, t);
            }
        });
    }

    void scan(Object sendbuf, int soff, Object recvbuf, int roff, int count, Datatype t, Op op) {
        Packing.check(name, sendbuf, t);
        Packing.check(name, recvbuf, t);
        Calls.run(name, () -> {
            if (t.baseType == Datatype.OBJECT_) {
                byte[] mine = Packing.serialize(name, (Object[]) Packing.pack(name, sendbuf, soff, count, t));
                Object[] acc = fold(c.allgatherObject(mine), c.rank(), count, t, op);
                Packing.unpack(name, acc, 0, acc.length, recvbuf, roff, t);
                return;
            }
            int n = count * t.size;
            Object r = Packing.newArray(t, n);
            c.scan(Packing.pack(name, sendbuf, soff, count, t), r, op.engine(name, t));
            Packing.unpack(name, r, 0, n, recvbuf, roff, t);
        });
    }

    void reduceScatter(Object sendbuf, int soff, Object recvbuf, int roff, int[] counts, Datatype t, Op op) {
        Packing.check(name, sendbuf, t);
        Packing.check(name, recvbuf, t);
        int[] recvcounts = Blocks.first(name, "recvcounts", counts, c.size());
        int total = Blocks.sum(recvcounts);
        int mine = recvcounts[c.rank()] * t.size;
        Calls.run(name, () -> {
            if (t.baseType == Datatype.OBJECT_) {
                byte[] b = Packing.serialize(name, (Object[]) Packing.pack(name, sendbuf, soff, total, t));
                Object[] acc = fold(c.allgatherObject(b), c.size() - 1, total, t, op);
                int from = 0;
                for (int i = 0; i < c.rank(); i++) {
                    from += recvcounts[i] * t.size;
                }
                Packing.unpack(name, acc, from, mine, recvbuf, roff, t);
                return;
            }
            Object r = Packing.newArray(t, mine);
            c.reduceScatter(Packing.pack(name, sendbuf, soff, total, t), r, Blocks.elements(recvcounts, t),
                    op.engine(name, t));
            Packing.unpack(name, r, 0, mine, recvbuf, roff, t);
        });
    }

    /** Ranks 0..last's items folded in rank order: x0 op (x1 op (... op x_last)). */
    private Object[] fold(List<byte[]> all, int last, int count, Datatype t, Op op) {
        Object[] acc = Packing.deserialize(name, all.get(last));
        for (int i = last - 1; i >= 0; i--) {
            op.applyObjects(name, Packing.deserialize(name, all.get(i)), acc, count, t);
        }
        return acc;
    }

    /** Whether {@code n} elements at {@code off} are the whole of {@code buf}, so it can go as it is. */
    private static boolean whole(Object buf, int off, int n, Datatype t) {
        return t.contiguousBasic() && off == 0 && java.lang.reflect.Array.getLength(buf) == n;
    }
}
