package org.mpionspark.examples;

import java.io.Serializable;
import java.util.Arrays;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Collectives that compute: reduce, allreduce with each predefined operation, MAXLOC/MINLOC,
 * scan and exscan. Mirrors the French notes' {@code comm.Reduce(data, recv, root=root_rank,
 * op=MPI.SUM)} and {@code comm.Allreduce(data, recv, op=MPI.SUM)} of {@code np.ones(n) * rank},
 * the "Reduce Example" of 3.1 Distributed Computing ({@code comm.reduce(comm.rank, op=MPI.SUM,
 * root=0)}, {@code comm.allreduce(comm.rank)}: 6 on 4 ranks), and its Mandelbrot's
 * {@code comm.scan(N)}.
 *
 * <p>MAXLOC and MINLOC reduce (value, index) pairs: here each rank's value is {@code sin(rank + 1)}
 * and its index its rank, so the result says which rank holds the largest and the smallest.
 *
 * <pre>
 * usage: Reductions [ranks=4]
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=Reductions
 *
 * [stdout:0] Proc 0 data = [0.000 0.000 0.000 0.000 0.000]
 * [stdout:0] Proc 0 reduce results = [6.000 6.000 6.000 6.000 6.000]   reduceObject: 6
 * [stdout:0] Proc 0 allreduce results = [6.000 6.000 6.000 6.000 6.000]   allreduceObject: 6
 * [stdout:0] rank + 1 = 1: SUM 10, PROD 24, MAX 4, MIN 1
 * [stdout:0] sin(rank + 1) = 0.841: MAXLOC 0.909 at rank 1, MINLOC -0.757 at rank 3
 * [stdout:0] scan of rank + 1: 1, exscan: (untouched)
 * [stdout:1] ...
 * </pre>
 */
public final class Reductions {

    private Reductions() {
    }

    /** Elements in the reduce and allreduce cells. */
    static final int N = 5;

    /** What one rank ended with; {@code reduced} and {@code reducedObject} at the root only. */
    record Results(double[] reduced, Integer reducedObject, double[] allreduced, int allreducedObject, long sum,
            long prod, long max, long min, double[] maxloc, double[] minloc, int scan, Integer exscan)
            implements Serializable {
    }

    /** This rank's value for MAXLOC and MINLOC. */
    static double measure(int rank) {
        return Math.sin(rank + 1);
    }

    /** Runs the reductions on this rank, printing what it gets. */
    static Results reduce(Communicator comm) {
        int rank = comm.rank();
        String me = "Proc " + rank;

        // comm.Reduce(data, recv, root=0, op=MPI.SUM) and comm.Allreduce(data, recv, op=MPI.SUM)
        double[] data = new double[N];
        Arrays.fill(data, rank);
        System.out.println(me + " data = " + Examples.numpy(data));
        double[] reduced = rank == 0 ? new double[N] : null;
        comm.reduce(data, reduced, Op.SUM, 0);
        Integer reducedObject = comm.reduceObject(rank, Integer::sum, 0);
        if (rank == 0) {
            System.out.println(me + " reduce results = " + Examples.numpy(reduced) + "   reduceObject: " + reducedObject);
        }
        double[] allreduced = new double[N];
        comm.allreduce(data, allreduced, Op.SUM);
        int allreducedObject = comm.allreduceObject(rank, Integer::sum);
        System.out.println(me + " allreduce results = " + Examples.numpy(allreduced) + "   allreduceObject: "
                + allreducedObject);

        // The arithmetic operations, on one long per rank
        long[] v = {rank + 1};
        long[][] out = new long[4][1];
        Op[] ops = {Op.SUM, Op.PROD, Op.MAX, Op.MIN};
        for (int i = 0; i < ops.length; i++) {
            comm.allreduce(v, out[i], ops[i]);
        }
        System.out.println("rank + 1 = " + v[0] + ": SUM " + out[0][0] + ", PROD " + out[1][0] + ", MAX " + out[2][0]
                + ", MIN " + out[3][0]);

        // MAXLOC, MINLOC: (value, index) pairs, interleaved in one array
        double[] pair = {measure(rank), rank};
        double[] maxloc = new double[2];
        double[] minloc = new double[2];
        comm.allreduce(pair, maxloc, Op.MAXLOC);
        comm.allreduce(pair, minloc, Op.MINLOC);
        System.out.printf("sin(rank + 1) = %.3f: MAXLOC %.3f at rank %d, MINLOC %.3f at rank %d%n", pair[0],
                maxloc[0], (int) maxloc[1], minloc[0], (int) minloc[1]);

        // scan: ranks 0..r; exscan: ranks 0..r-1, rank 0's buffer left untouched
        int[] scan = new int[1];
        comm.scan(new int[] {rank + 1}, scan, Op.SUM);
        int[] exscan = {Integer.MIN_VALUE};
        comm.exscan(new int[] {rank + 1}, exscan, Op.SUM);
        Integer ex = exscan[0] == Integer.MIN_VALUE ? null : exscan[0];
        System.out.println("scan of rank + 1: " + scan[0] + ", exscan: " + (ex == null ? "(untouched)" : ex));

        return new Results(reduced, reducedObject, allreduced, allreducedObject, out[0][0], out[1][0], out[2][0],
                out[3][0], maxloc, minloc, scan[0], ex);
    }

    public static void main(String[] args) {
        Examples.printEachRank("Reductions", args, Reductions::reduce);
    }
}
