package mpjprograms;

import mpi.MPI;
import mpi.Request;
import mpi.Status;

/**
 * MPJ Express's {@code pt2pt.cancel1} as it means to run (its {@code main} is empty), and the other
 * half of {@code MPI_Cancel}: a receive nothing matches is taken back, and the message it did not
 * take goes to the next receive.
 */
public final class Cancel {

    public static void main(String[] args) throws Exception {
        MPI.Init(args);
        int me = MPI.COMM_WORLD.Rank();
        int[] data = new int[1];
        if (me == 0) {
            data[0] = 7;
            Request send = MPI.COMM_WORLD.Isend(data, 0, 1, MPI.INT, 1, 1);
            send.Cancel(); // a send is not taken back
            Status s = send.Wait();
            System.out.println("send cancelled " + s.Test_cancelled());
        } else if (me == 1) {
            Request nobody = MPI.COMM_WORLD.Irecv(data, 0, 1, MPI.INT, 0, 9);
            nobody.Cancel();
            Status s = nobody.Wait();
            System.out.println("receive cancelled " + s.Test_cancelled() + " data " + data[0]);
            Status got = MPI.COMM_WORLD.Recv(data, 0, 1, MPI.INT, 0, 1);
            System.out.println("then received " + data[0] + " cancelled " + got.Test_cancelled());
        }
        MPI.COMM_WORLD.Barrier();
        MPI.Finalize();
    }
}
