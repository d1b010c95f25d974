package org.mpionspark.benchmarks;

import org.mpionspark.bridge.ArrayKind;
import org.mpionspark.bridge.Transport;
import org.mpionspark.mpi.Communicator;

/**
 * Rank side of the ping-pong between ranks 0 and 1: {@code double} messages bounced {@code inner}
 * times per repetition, through our API ({@code send}/{@code recv}) alternating with the transport
 * below it (MPJ Express's {@code Isend}/{@code Irecv} today, polled to completion). Times are
 * one-way: half a round trip.
 */
final class PingPongOnRanks {

    private static final int TAG = 7;

    private PingPongOnRanks() {
    }

    /** Number of round trips per repetition: enough to time 8 B well, one for the largest sizes. */
    static int inner(long bytes) {
        return (int) Math.max(1, Math.min(1000, (4L << 20) / Math.max(8, bytes)));
    }

    /** {@code ms()[2s]}: ours at size {@code s}, {@code ms()[2s+1]}: the transport's; missing: why no transport. */
    static RankTimes time(Communicator comm, long[] bytes, int baseReps) {
        if (comm.size() != 2) {
            throw new IllegalArgumentException("ping-pong needs 2 ranks, not " + comm.size());
        }
        Transport transport = TransportAccess.of(comm);
        String missing = transport == null ? "the transport below the communicator cannot be reached" : null;
        double[][] ms = new double[2 * bytes.length][];
        for (int s = 0; s < bytes.length; s++) {
            int n = (int) Math.max(1, bytes[s] / 8);
            double[] buf = new double[n];
            int inner = inner(bytes[s]);
            int reps = RankTimes.reps(bytes[s], baseReps);
            ms[2 * s] = new double[reps];
            ms[2 * s + 1] = new double[reps];
            for (int i = -RankTimes.warmup(reps); i < reps; i++) {
                comm.barrier();
                long t0 = System.nanoTime();
                for (int k = 0; k < inner; k++) {
                    ours(comm, buf);
                }
                double oneWay = (System.nanoTime() - t0) / 1e6 / inner / 2;
                if (i >= 0) {
                    ms[2 * s][i] = oneWay;
                }
                if (transport != null) {
                    comm.barrier();
                    long t1 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        raw(transport, comm.rank(), buf);
                    }
                    double rawOneWay = (System.nanoTime() - t1) / 1e6 / inner / 2;
                    if (i >= 0) {
                        ms[2 * s + 1][i] = rawOneWay;
                    }
                }
            }
        }
        return new RankTimes(ms, missing, transport == null ? null : TransportAccess.name(transport));
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
