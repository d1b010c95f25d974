package org.mpionspark.benchmarks;

import org.mpionspark.bridge.comm.EngineAccess;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;

/**
 * Rank side of the ping-pong between ranks 0 and 1: {@code double} messages bounced {@code inner}
 * times per repetition, through our API ({@code send}/{@code recv}), the transport below it (MPJ
 * Express's {@code Isend}/{@code Irecv} today, polled to completion) and a plain socket between the
 * same two threads (the limit of the TCP path), in turn. Times are one-way: half a round trip.
 */
final class PingPongOnRanks {

    private static final int TAG = 7;

    private PingPongOnRanks() {
    }

    /** Number of round trips per repetition: enough to time 8 B well, one for the largest sizes. */
    static int inner(long bytes) {
        return (int) Math.max(1, Math.min(1000, (4L << 20) / Math.max(8, bytes)));
    }

    /**
     * {@code ms()[3s]}: ours at size {@code s}, {@code ms()[3s+1]}: the transport's, {@code ms()[3s+2]}:
     * the socket's; the transport named by its class.
     */
    static RankTimes time(Communicator comm, long[] bytes, int baseReps) throws java.io.IOException {
        if (comm.size() != 2) {
            throw new IllegalArgumentException("ping-pong needs 2 ranks, not " + comm.size());
        }
        Transport transport = EngineAccess.transport(comm);
        double[][] ms = new double[3 * bytes.length][];
        try (SocketPair socket = SocketPair.open(comm)) {
            for (int s = 0; s < bytes.length; s++) {
                int n = (int) Math.max(1, bytes[s] / 8);
                double[] buf = new double[n];
                int inner = inner(bytes[s]);
                int reps = RankTimes.reps(bytes[s], baseReps);
                java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(n * 8);
                ms[3 * s] = new double[reps];
                ms[3 * s + 1] = new double[reps];
                ms[3 * s + 2] = new double[reps];
                for (int i = -RankTimes.warmup(reps); i < reps; i++) {
                    record(ms[3 * s], i, oneWay(comm, inner, () -> ours(comm, buf)));
                    record(ms[3 * s + 1], i, oneWay(comm, inner, () -> raw(transport, comm.rank(), buf)));
                    record(ms[3 * s + 2], i, oneWay(comm, inner, () -> socket.pingPong(comm.rank(), direct)));
                }
            }
        }
        return new RankTimes(ms, null, transport.getClass().getSimpleName());
    }

    /** One-way milliseconds of {@code inner} round trips, started together after a barrier. */
    private static double oneWay(Communicator comm, int inner, Runnable roundTrip) {
        comm.barrier();
        long t0 = System.nanoTime();
        for (int k = 0; k < inner; k++) {
            roundTrip.run();
        }
        return (System.nanoTime() - t0) / 1e6 / inner / 2;
    }

    /** Keeps repetition {@code i}'s time; negative {@code i} are warm-up rounds. */
    private static void record(double[] ms, int i, double t) {
        if (i >= 0) {
            ms[i] = t;
        }
    }

    private static void ours(Communicator comm, double[] buf) {
        if (comm.rank() == 0) {
            comm.send(buf, 1, TAG);
            comm.recv(buf, 1, TAG);
        } else {
            comm.recv(buf, 0, TAG);
            comm.send(buf, 0, TAG);
        }
    }

    private static void raw(Transport t, int rank, double[] buf) {
        int other = 1 - rank;
        if (rank == 0) {
            complete(t.isend(Transport.USER, ArrayKind.DOUBLE, buf, 0, buf.length, other, TAG));
            complete(t.irecv(Transport.USER, ArrayKind.DOUBLE, buf, 0, buf.length, other, TAG));
        } else {
            complete(t.irecv(Transport.USER, ArrayKind.DOUBLE, buf, 0, buf.length, other, TAG));
            complete(t.isend(Transport.USER, ArrayKind.DOUBLE, buf, 0, buf.length, other, TAG));
        }
    }

    private static void complete(Transport.Pending p) {
        while (p.test() == null) {
            p.block(50_000);
        }
    }
}
