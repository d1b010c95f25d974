package org.mpionspark.benchmarks;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * A first SPMD stage that runs the calls the report times for a couple of seconds, so that each
 * executor JVM's JIT has compiled their paths before anything is timed (Open MPI's C code needs no
 * such warm-up): on 4 executor JVMs of this 2-core machine, an 8 B allreduce took 8 ms 0.2 s into
 * the application's first stage, and 0.5 ms at 1.4 s. The JIT's work stays with the JVM, so the
 * stages that follow start warm; their own warm-up rounds are for the sizes.
 */
final class JitWarmup {

    /** How long the warm-up stage runs its calls. */
    static final long NANOS = 2_000_000_000L;

    private JitWarmup() {
    }

    /** One stage of {@code size} ranks on {@code ranks}. */
    static void run(Ranks ranks, int size) {
        System.out.printf("JIT warm-up: %d ranks, %s%n", size, ranks.master());
        ranks.run(size, null, JitWarmup::calls);
    }

    private static int calls(Communicator comm) {
        double[] small = new double[1];
        double[] smallOut = new double[1];
        double[] mid = new double[8 << 10]; // 64 KB
        double[] out = new double[mid.length];
        double[] go = new double[1];
        long start = System.nanoTime();
        int calls = 0;
        do {
            comm.allreduce(small, smallOut, Op.SUM);
            comm.allreduce(mid, out, Op.SUM);
            comm.bcast(mid, 0);
            comm.barrier();
            int peer = comm.rank() ^ 1;
            if (peer < comm.size()) {
                comm.sendrecv(small, peer, 1, smallOut, peer, 1);
            }
            calls++;
            go[0] = System.nanoTime() - start < NANOS ? 1 : 0; // rank 0's clock decides, for every rank alike
            comm.bcast(go, 0);
        } while (go[0] == 1);
        return calls;
    }
}
