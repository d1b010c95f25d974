package org.mpionspark.examples;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.spark.JavaMpiContext;

/**
 * Printing in rank order with barriers: in turn r, rank r prints, then every rank waits at a
 * barrier, so rank r + 1 cannot print before rank r has. Mirrors the "Synchronization" cell of
 * 3.1 Distributed Computing ({@code for r_id in range(comm.Get_size()): if rank == r_id: print
 * "Hello from proc:", rank; comm.Barrier()}).
 *
 * <p>The ranks print straight to their own stdout (not captured: on embedded Spark that is this
 * console, live; on a cluster, each executor's log), and each returns the {@code wtime} at which it
 * printed, so the driver can show the order (times that compare across ranks on one host only).
 *
 * <pre>
 * usage: OrderedPrint [ranks=4]
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=OrderedPrint
 *
 * Hello from proc: 0
 * Hello from proc: 1
 * Hello from proc: 2
 * Hello from proc: 3
 * printed in rank order: rank 0 at +0.0 ms, rank 1 at +1.4 ms, rank 2 at +2.5 ms, rank 3 at +3.3 ms
 * </pre>
 */
public final class OrderedPrint {

    private OrderedPrint() {
    }

    /** Prints this rank's line in its turn; returns the {@code wtime} at which it printed. */
    static double printInTurn(Communicator comm) {
        double printedAt = Double.NaN;
        for (int turn = 0; turn < comm.size(); turn++) {
            if (comm.rank() == turn) {
                System.out.println("Hello from proc: " + comm.rank());
                System.out.flush();
                printedAt = comm.wtime();
            }
            comm.barrier();
        }
        return printedAt;
    }

    /** The time each rank printed at, in rank order. */
    static List<Double> run(JavaMpiContext mpi, int ranks) {
        return mpi.run(ranks, OrderedPrint::printInTurn);
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        try (JavaSparkContext jsc = Examples.sparkContext("OrderedPrint", ranks)) {
            List<Double> times = run(new JavaMpiContext(jsc), ranks);
            StringBuilder s = new StringBuilder("printed in rank order:");
            for (int r = 0; r < times.size(); r++) {
                s.append(r == 0 ? " " : ", ").append(String.format("rank %d at +%.1f ms", r,
                        (times.get(r) - times.get(0)) * 1e3));
            }
            System.out.println(s);
        }
    }
}
