package org.mpionspark.benchmarks;

import java.util.Arrays;

import org.mpionspark.bridge.comm.EngineAccess;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Rank side of the allreduce benchmark: SUM of a {@code double[n]}, each call after a barrier; ours
 * first, then MPJ Express's own {@code Allreduce} where the transport has it (it is reached through
 * {@link EngineAccess#nativeCollectives}: blocking, benchmarks only), each in a loop of its own with
 * its warm-up: calls alternating one by one put MPJ's fresh buffers, its garbage and its selector
 * threads' wake-ups into our next call's time.
 */
final class AllreduceOnRanks {

    private AllreduceOnRanks() {
    }

    /** {@code ms()[0]}: ours; {@code ms()[1]}: MPJ's (unless {@code withMpj} is false or the path lacks it). */
    static RankTimes time(Communicator comm, int n, int reps, int warmup, boolean withMpj) {
        double[] v = new double[n];
        Arrays.fill(v, comm.rank() + 1);
        double[] out = new double[n];
        double expected = comm.size() * (comm.size() + 1) / 2.0;
        double[] ours = new double[reps];
        double[] mpj = new double[reps];
        for (int i = -warmup; i < reps; i++) {
            comm.barrier();
            long t0 = System.nanoTime();
            comm.allreduce(v, out, Op.SUM);
            long t1 = System.nanoTime();
            check(out, expected, "our");
            if (i >= 0) {
                ours[i] = (t1 - t0) / 1e6;
            }
        }
        String missing = withMpj ? null : "not asked for";
        for (int i = -warmup; i < reps && missing == null; i++) {
            comm.barrier();
            Arrays.fill(out, 0);
            long t2 = System.nanoTime();
            try {
                EngineAccess.nativeCollectives(comm).allreduceSum(v, out);
            } catch (IllegalStateException e) {
                missing = e.getMessage(); // the same on every rank: a property of the transport
                break;
            }
            long t3 = System.nanoTime();
            check(out, expected, "MPJ Express's");
            if (i >= 0) {
                mpj[i] = (t3 - t2) / 1e6;
            }
        }
        return new RankTimes(new double[][] {ours, mpj}, missing, null);
    }

    private static void check(double[] out, double expected, String who) {
        if (out[0] != expected || out[out.length - 1] != expected) {
            throw new IllegalStateException(who + " allreduce gave " + out[0] + ", expected " + expected);
        }
    }
}
