package org.mpionspark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * Collectives that move data: broadcast, scatter, gather, allgather, alltoall. Mirrors the
 * French notes' "Communications collective" cells (a loop of {@code Send}s from rank 0, then
 * {@code comm.Bcast(data, source_rank)}; {@code comm.Scatter(data, receive_buf, root)};
 * {@code comm.Gather(sendbuf, recvbuf, root)} of {@code np.zeros(n) + rank}) and the
 * "Broadcast/Scatter/Gather Example" cells of 3.1 Distributed Computing (the objects
 * {@code {'key1': [7, 2.72, 2+3j], 'key2': ('abc', 'xyz')}}, {@code (i+1)**2}).
 *
 * <p>The broadcast is timed with {@code comm.wtime()}: a loop of sends costs the root
 * {@code size - 1} messages one after the other, {@code bcast} a binomial tree of
 * {@code log2(size)} rounds.
 *
 * <pre>
 * usage: Collectives [ranks=4] [doubles broadcast=1048576]
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=Collectives
 *
 * broadcast of 1048576 doubles to 4 ranks: loop of sends 37.9 ms, bcast 20.0 ms (best of 5)
 * [stdout:0] bcastObject: {key1=[7, 2.72, 2+3j], key2=[abc, xyz]}
 * [stdout:0] scatter from root: [0.000 0.100 0.200 ... 1.500]
 * [stdout:0] scatter: recv = [0.000 0.100 0.200 0.300]   scatterObject: 1
 * [stdout:0] gather at root: [0.000 0.000 0.000 0.000 1.000 ... 3.000]   gatherObject: [1, 4, 9, 16]
 * [stdout:1] bcastObject: {key1=[7, 2.72, 2+3j], key2=[abc, xyz]}
 * [stdout:1] scatter: recv = [0.400 0.500 0.600 0.700]   scatterObject: 4
 * ...
 * [stdout:1] allgather: [0, 1, 2, 3]   alltoall sends [10, 11, 12, 13], receives [1, 11, 21, 31]
 * </pre>
 */
public final class Collectives {

    private Collectives() {
    }

    /** Rank 0's data in the broadcast: 0, 1, 2, ... */
    static double[] rootData(int n) {
        double[] d = new double[n];
        Arrays.setAll(d, i -> i);
        return d;
    }

    /** What a rank's buffer held after each broadcast, and the best times of each, in seconds. */
    record Broadcast(double[] byLoop, double[] byBcast, double loopSeconds, double bcastSeconds)
            implements Serializable {
    }

    /** Broadcasts {@code n} doubles from rank 0, {@code repeats} times each way, timing both with {@code wtime}. */
    static Broadcast broadcast(Communicator comm, int n, int repeats) {
        int rank = comm.rank();
        double[] byLoop = new double[n];
        double[] byBcast = new double[n];
        double loop = Double.MAX_VALUE;
        double tree = Double.MAX_VALUE;
        for (int k = 0; k < repeats; k++) {
            byLoop = rank == 0 ? rootData(n) : new double[n];
            comm.barrier();
            double t0 = comm.wtime();
            if (rank == 0) {
                for (int i = 1; i < comm.size(); i++) { // rank 0 cannot send to itself
                    comm.send(byLoop, i, 0);
                }
            } else {
                comm.recv(byLoop, 0, 0);
            }
            comm.barrier(); // the time of the slowest rank
            loop = Math.min(loop, comm.wtime() - t0);

            byBcast = rank == 0 ? rootData(n) : new double[n];
            comm.barrier();
            t0 = comm.wtime();
            comm.bcast(byBcast, 0);
            comm.barrier();
            tree = Math.min(tree, comm.wtime() - t0);
        }
        return new Broadcast(byLoop, byBcast, loop, tree);
    }

    /** What one rank received from the scatter and gather cells; the gathered ones at the root only. */
    record ScatterGather(Map<String, Object> dict, double[] scattered, int scatteredObject, double[] gathered,
            List<Integer> gatheredObjects) implements Serializable {
    }

    /** Elements per rank in the scatter and gather cells. */
    static final int BLOCK = 4;

    /** The course's scatter and gather cells, array and object tier. */
    static ScatterGather scatterGather(Communicator comm) {
        int rank = comm.rank();
        int size = comm.size();

        // data = comm.bcast(data, root=0) of a dictionary (Python's 2+3j as a string here)
        Map<String, Object> dict = null;
        if (rank == 0) {
            dict = new LinkedHashMap<>();
            dict.put("key1", List.of(7, 2.72, "2+3j"));
            dict.put("key2", List.of("abc", "xyz")); // a tuple in Python
        }
        dict = comm.bcastObject(dict, 0);
        System.out.println("bcastObject: " + dict);

        // comm.Scatter(data, receive_buf, root=0): block i of the root's size * n doubles to rank i
        double[] all = null;
        if (rank == 0) {
            all = new double[size * BLOCK];
            Arrays.setAll(all, i -> i / 10.0);
            System.out.println("scatter from root: " + Examples.numpy(all));
        }
        double[] mine = new double[BLOCK];
        comm.scatter(all, mine, 0);
        List<Integer> squares = null;
        if (rank == 0) {
            squares = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                squares.add((i + 1) * (i + 1));
            }
        }
        int square = comm.scatterObject(squares, 0);
        System.out.println("scatter: recv = " + Examples.numpy(mine) + "   scatterObject: " + square);

        // comm.Gather(sendbuf, recvbuf, root=0) of np.zeros(n) + rank
        double[] send = new double[BLOCK];
        Arrays.fill(send, rank);
        double[] gathered = rank == 0 ? new double[size * BLOCK] : null;
        comm.gather(send, gathered, 0);
        List<Integer> gatheredObjects = comm.gatherObject((rank + 1) * (rank + 1), 0);
        if (rank == 0) {
            System.out.println("gather at root: " + Examples.numpy(gathered) + "   gatherObject: " + gatheredObjects);
        }
        return new ScatterGather(dict, mine, square, gathered, gatheredObjects);
    }

    /** What a rank holds after the allgather, and what it sent and received in the alltoall. */
    record AllToAll(int[] allgathered, int[] sent, int[] received) implements Serializable {
    }

    /** allgather of each rank's number; alltoall where rank r sends {@code 10 r + j} to rank j. */
    static AllToAll allgatherAlltoall(Communicator comm) {
        int rank = comm.rank();
        int size = comm.size();
        int[] all = new int[size];
        comm.allgather(new int[] {rank}, all);
        int[] sent = new int[size];
        Arrays.setAll(sent, j -> 10 * rank + j);
        int[] received = new int[size];
        comm.alltoall(sent, received);
        System.out.println("allgather: " + Arrays.toString(all) + "   alltoall sends " + Arrays.toString(sent)
                + ", receives " + Arrays.toString(received));
        return new AllToAll(all, sent, received);
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        int n = Examples.intArg(args, 1, 1 << 20);
        int repeats = 5;
        try (JavaSparkContext jsc = Examples.sparkContext("Collectives", ranks)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            Broadcast b = mpi.run(ranks, comm -> broadcast(comm, n, repeats)).get(0);
            System.out.printf("broadcast of %d doubles to %d ranks: loop of sends %.1f ms, bcast %.1f ms (best of %d)%n",
                    n, ranks, b.loopSeconds() * 1e3, b.bcastSeconds() * 1e3, repeats);
            SpmdResult<ScatterGather> sg = mpi.runWithOutput(ranks, Collectives::scatterGather);
            System.out.print(sg.formatted());
            SpmdResult<AllToAll> aa = mpi.runWithOutput(ranks, Collectives::allgatherAlltoall);
            System.out.print(aa.formatted());
        }
    }
}
