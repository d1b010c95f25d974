package mpjprograms;

import mpi.MPI;

/** Makes the mistake its first argument names, the way an MPJ Express program would. */
public class Misuse {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "before-init" -> MPI.COMM_WORLD.Rank();
            case "init-twice" -> {
                MPI.Init(args);
                MPI.Init(args);
            }
            case "no-finalize" -> MPI.Init(args);
            case "exit-3" -> {
                MPI.Init(args);
                System.exit(3);
            }
            case "exit-0-after-finalize" -> {
                MPI.Init(args);
                MPI.COMM_WORLD.Barrier();
                MPI.Finalize();
                System.out.println("finalized");
                System.exit(0);
            }
            case "wrong-buffer" -> {
                MPI.Init(args);
                try {
                    MPI.COMM_WORLD.Send(new double[1], 0, 1, MPI.INT, 0, 0);
                } catch (mpi.MPIException e) {
                    System.out.println("caught " + e.getMessage());
                }
                MPI.Finalize();
            }
            case "recv-too-small" -> {
                MPI.Init(args);
                if (MPI.COMM_WORLD.Rank() == 0) {
                    MPI.COMM_WORLD.Send(new int[4], 0, 4, MPI.INT, 1, 5);
                } else {
                    MPI.COMM_WORLD.Recv(new int[1], 0, 1, MPI.INT, 0, 5);
                }
                MPI.Finalize();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
