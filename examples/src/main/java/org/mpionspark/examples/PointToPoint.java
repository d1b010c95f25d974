package org.mpionspark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Status;

/**
 * Point-to-point messages, both tiers. Mirrors the "Send/Receive Example" cells of
 * 3.1 Distributed Computing and of "MPI for python" ({@code comm.send(data, dest=1, tag=11)} of
 * the dictionary {@code {'a': 7, 'b': 3.14}}; {@code comm.Send([data, MPI.INT], dest=1, tag=77)}
 * of {@code np.arange(10, dtype='i')}; {@code comm.Send(data, dest=1, tag=13)} of
 * {@code np.arange(10, dtype=np.float64)}), then receives from anyone with any tag and reads the
 * {@link Status}: who sent, with which tag, how many elements.
 *
 * <ul>
 * <li>object tier: {@code sendObject}/{@code recvObject}, any object (Kryo), returned;</li>
 * <li>array tier: {@code send}/{@code recv} of {@code int[]}, {@code double[]}, filled in place,
 * as fast as numpy buffers;</li>
 * <li>{@code recv(buf, ANY_SOURCE, ANY_TAG)} into a buffer large enough for any message: the
 * status says which one came and how much of the buffer it filled.</li>
 * </ul>
 *
 * <pre>
 * usage: PointToPoint [ranks=4]   (2 at least)
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=PointToPoint
 *
 * [stdout:0] rank 0 sent {a=7, b=3.14} to rank 1 with tag 11
 * [stdout:0] rank 0 received [30, 31, 32, 33] from rank 3 with tag 103: 4 elements
 * [stdout:1] rank 1 received {a=7, b=3.14}
 * [stdout:1] rank 1 received [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] (source 0, tag 77, 10 elements)
 * ...
 * </pre>
 */
public final class PointToPoint {

    private PointToPoint() {
    }

    /** A message rank 0 received from any source with any tag, as its {@link Status} described it. */
    record Message(int source, int tag, int count, int[] data) implements Serializable {
    }

    /** What one rank received: rank 1 the three messages of rank 0, rank 0 one from every other rank. */
    record Received(Map<String, Object> dict, int[] ints, double[] doubles, List<Message> fromAnyone)
            implements Serializable {
    }

    /** Runs the exchanges on this rank, printing what it sends and receives. */
    static Received exchange(Communicator comm) {
        int rank = comm.rank();
        if (comm.size() < 2) {
            throw new IllegalArgumentException("PointToPoint needs 2 ranks at least, not " + comm.size());
        }
        Map<String, Object> dict = null;
        int[] ints = null;
        double[] doubles = null;

        // Python objects: comm.send(data, dest=1, tag=11) / data = comm.recv(source=0, tag=11)
        if (rank == 0) {
            Map<String, Object> data = new LinkedHashMap<>(); // kept in the order the course writes it
            data.put("a", 7);
            data.put("b", 3.14);
            comm.sendObject(data, 1, 11);
            System.out.println("rank 0 sent " + data + " to rank 1 with tag 11");
        } else if (rank == 1) {
            dict = comm.recvObject(0, 11);
            System.out.println("rank 1 received " + dict);
        }

        // numpy arrays, datatype explicit in mpi4py (MPI.INT), the array's type here: int[]
        if (rank == 0) {
            int[] data = new int[10];
            Arrays.setAll(data, i -> i);
            comm.send(data, 1, 77);
        } else if (rank == 1) {
            ints = new int[10];
            Status s = comm.recv(ints, 0, 77);
            System.out.println("rank 1 received " + Arrays.toString(ints) + " " + describe(s));
        }

        // numpy float64 arrays: double[]
        if (rank == 0) {
            double[] data = new double[10];
            Arrays.setAll(data, i -> i);
            comm.send(data, 1, 13);
        } else if (rank == 1) {
            doubles = new double[10];
            Status s = comm.recv(doubles, 0, 13);
            System.out.println("rank 1 received " + Arrays.toString(doubles) + " " + describe(s));
        }

        // From anyone, with any tag: rank r sends r + 1 ints with tag 100 + r; rank 0 takes them
        // in the order they come, into a buffer large enough for any of them.
        List<Message> fromAnyone = new ArrayList<>();
        if (rank == 0) {
            for (int i = 1; i < comm.size(); i++) {
                int[] buf = new int[comm.size()];
                Status s = comm.recv(buf, Communicator.ANY_SOURCE, Communicator.ANY_TAG);
                int[] data = Arrays.copyOf(buf, s.count());
                fromAnyone.add(new Message(s.source(), s.tag(), s.count(), data));
                System.out.println("rank 0 received " + Arrays.toString(data) + " from rank " + s.source()
                        + " with tag " + s.tag() + ": " + s.count() + " elements");
            }
        } else {
            int[] data = new int[rank + 1];
            Arrays.setAll(data, i -> rank * 10 + i);
            comm.send(data, 0, 100 + rank);
        }
        return new Received(dict, ints, doubles, fromAnyone);
    }

    private static String describe(Status s) {
        return "(source " + s.source() + ", tag " + s.tag() + ", " + s.count() + " elements)";
    }

    public static void main(String[] args) {
        Examples.printEachRank("PointToPoint", args, PointToPoint::exchange);
    }
}
