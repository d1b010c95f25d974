package mpjprograms;

import mpi.MPI;
import mpi.Request;
import mpi.Status;

/** A token passed round the ring, an Isend/Irecv exchange, a reduction and a broadcast, in mpiJava 1.2 calls. */
public class Ring {

    /** Each rank's copy: counts how many times this rank's main ran in this class. */
    static int runs;

    public static void main(String[] args) throws Exception {
        String[] rest = MPI.Init(args);
        runs++;
        int me = MPI.COMM_WORLD.Rank();
        int size = MPI.COMM_WORLD.Size();
        int[] token = new int[1];
        if (me == 0) {
            token[0] = 100;
            MPI.COMM_WORLD.Send(token, 0, 1, MPI.INT, 1 % size, 7);
            Status s = MPI.COMM_WORLD.Recv(token, 0, 1, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
            System.out.println("token " + token[0] + " from " + s.source + " tag " + s.tag + " count " + s.Get_count(MPI.INT));
        } else {
            MPI.COMM_WORLD.Recv(token, 0, 1, MPI.INT, me - 1, 7);
            token[0] += me;
            MPI.COMM_WORLD.Send(token, 0, 1, MPI.INT, (me + 1) % size, 7);
        }
        double[] out = {me, 2.0 * me};
        double[] in = new double[4];
        Request[] reqs = {
            MPI.COMM_WORLD.Isend(out, 0, 2, MPI.DOUBLE, (me + 1) % size, 8),
            MPI.COMM_WORLD.Irecv(in, 2, 2, MPI.DOUBLE, (me + size - 1) % size, 8)};
        Request.Waitall(reqs);
        long[] sum = new long[1];
        MPI.COMM_WORLD.Allreduce(new long[] {me + 1}, 0, sum, 0, 1, MPI.LONG, MPI.SUM);
        String[] word = {me == 0 ? String.join(",", rest) : null};
        MPI.COMM_WORLD.Bcast(word, 0, 1, MPI.OBJECT, 0);
        System.out.println("rank " + me + " of " + size + " got " + in[2] + "," + in[3] + " sum " + sum[0]
                + " args " + word[0] + " runs " + runs + " loader " + MPI.class.getClassLoader().getName());
        MPI.Finalize();
    }
}
