package mpjprograms;

import java.lang.management.ManagementFactory;

import mpi.MPI;

/** Each rank's JVM and its copy of package mpi, gathered at rank 0, which says how many JVMs the world spans. */
public class WhereAmI {

    public static void main(String[] args) throws Exception {
        MPI.Init(args);
        int size = MPI.COMM_WORLD.Size();
        String[] mine = {ManagementFactory.getRuntimeMXBean().getName() + " " + MPI.class.getClassLoader().getName()};
        String[] all = new String[size];
        MPI.COMM_WORLD.Allgather(mine, 0, 1, MPI.OBJECT, all, 0, 1, MPI.OBJECT);
        long jvms = java.util.Arrays.stream(all).map(s -> s.split(" ")[0]).distinct().count();
        double[] v = {MPI.COMM_WORLD.Rank() + 1};
        MPI.COMM_WORLD.Allreduce(v, 0, v, 0, 1, MPI.DOUBLE, MPI.SUM);
        System.out.println("rank " + MPI.COMM_WORLD.Rank() + " jvms " + jvms + " sum " + v[0] + " " + mine[0]);
        MPI.Finalize();
    }
}
