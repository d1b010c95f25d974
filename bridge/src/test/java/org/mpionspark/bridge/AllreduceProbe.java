package org.mpionspark.bridge;

import java.util.Arrays;
import java.util.List;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/** A quick look at allreduce times on a world of threads, per placement; not a test. Args: ranks placement sizes... */
final class AllreduceProbe {
    public static void main(String[] args) throws Exception {
        int p = Integer.parseInt(args[0]);
        ThreadWorld.Placement placement = ThreadWorld.Placement.valueOf(args[1]);
        int[] sizes = Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray();
        List<String> out = ThreadWorld.values(ThreadWorld.run(p, placement, RankOptions.DEFAULTS, comm -> {
            StringBuilder sb = new StringBuilder();
            for (int bytes : sizes) {
                double[] v = new double[Math.max(1, bytes / 8)];
                int reps = bytes >= 8 << 20 ? 10 : bytes >= 1 << 20 ? 30 : 300;
                for (int i = 0; i < 3; i++) {
                    comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
                }
                double[] t = new double[reps];
                for (int i = 0; i < reps; i++) {
                    comm.barrier();
                    long s = System.nanoTime();
                    comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
                    t[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(t);
                sb.append(String.format("%d B: median %.4f ms%n", bytes, t[reps / 2]));
            }
            return sb.toString();
        }));
        System.out.print(placement + " " + p + " ranks\n" + out.get(0));
    }
}
