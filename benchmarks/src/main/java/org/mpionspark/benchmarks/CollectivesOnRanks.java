package org.mpionspark.benchmarks;

import java.util.Arrays;
import java.util.List;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.mpi.Communicator;

/**
 * Bcast of a {@code double[]} from rank 0 at every size, then an empty barrier, in one SPMD stage;
 * each call after a barrier, lasting as long as its slowest rank (as Open MPI's are timed in
 * {@code mpi_bench.py}). The allreduce has its own part ({@link AllreduceSection}).
 */
final class CollectivesOnRanks {

    static final String BCAST = "bcast";
    static final String BARRIER = "barrier";
    static final String OURS = "ours";

    private CollectivesOnRanks() {
    }

    /** Bcast at each of {@code bytes} and the barrier on {@code size} ranks of {@code ranks}, into {@code results}. */
    static void measure(Ranks ranks, int size, long[] bytes, int baseReps, Results results) {
        System.out.printf("bcast and barrier: %d ranks, %s%n", size, ranks.master());
        List<RankTimes> t = ranks.run(size, null, comm -> time(comm, bytes, baseReps));
        for (int s = 0; s < bytes.length; s++) {
            results.add(Measurement.of(BCAST, OURS, ranks.master(), size, bytes[s], RankTimes.slowest(t, s)));
        }
        results.add(Measurement.of(BARRIER, OURS, ranks.master(), size, 0, RankTimes.slowest(t, bytes.length)));
    }

    /** {@code ms()[s]}: the bcast of {@code bytes[s]}; {@code ms()[bytes.length]}: the barrier. */
    static RankTimes time(Communicator comm, long[] bytes, int baseReps) {
        double[][] ms = new double[bytes.length + 1][];
        for (int s = 0; s < bytes.length; s++) {
            double[] buf = new double[(int) Math.max(1, bytes[s] / 8)];
            Arrays.fill(buf, comm.rank() == 0 ? 1 : 0);
            int reps = RankTimes.reps(bytes[s], baseReps);
            ms[s] = new double[reps];
            for (int i = -RankTimes.warmupInJvm(reps, bytes[s]); i < reps; i++) {
                if (comm.rank() != 0) {
                    buf[0] = 0;
                    buf[buf.length - 1] = 0;
                }
                comm.barrier();
                long t0 = System.nanoTime();
                comm.bcast(buf, 0);
                long t1 = System.nanoTime();
                if (buf[0] != 1 || buf[buf.length - 1] != 1) {
                    throw new IllegalStateException("bcast of " + bytes[s] + " bytes from rank 0: rank " + comm.rank()
                            + " got " + buf[0] + " .. " + buf[buf.length - 1] + ", expected 1.0");
                }
                if (i >= 0) {
                    ms[s][i] = (t1 - t0) / 1e6;
                }
            }
        }
        ms[bytes.length] = new double[baseReps];
        for (int i = -RankTimes.warmupInJvm(baseReps, 0); i < baseReps; i++) {
            comm.barrier();
            long t0 = System.nanoTime();
            comm.barrier();
            if (i >= 0) {
                ms[bytes.length][i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return new RankTimes(ms, null, null);
    }
}
