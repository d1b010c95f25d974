package org.mpionspark.benchmarks;

import java.io.IOException;
import java.util.List;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/**
 * Point-to-point: one-way ping-pong time between two ranks for each size, through our API, the
 * transport below it and a plain loopback socket between the same two threads (the limit of the
 * TCP path), in turn in one SPMD stage; Open MPI before and after that stage (the better median kept).
 */
final class PingPongSection {

    static final String SECTION = "pingpong";
    static final String OURS = "ours (send/recv)";
    static final String RAW_SOCKET = "raw Java socket (loopback)";
    /** The socket's line where the two ranks run in two executors of a cluster. */
    static final String RAW_SOCKET_BETWEEN = "raw Java socket (between the two executors)";

    private PingPongSection() {
    }

    /** Ours and the transport's, on 2 ranks of {@code ranks}. */
    static void ranks(Ranks ranks, long[] bytes, int baseReps, Results results) {
        ranks(ranks, bytes, baseReps, results, RAW_SOCKET);
    }

    /** As above, the socket's line named {@code rawSocket}. */
    static void ranks(Ranks ranks, long[] bytes, int baseReps, Results results, String rawSocket) {
        System.out.printf("ping-pong: 2 ranks, %s%n", ranks.master());
        List<RankTimes> t = ranks.run(2, null, comm -> PingPongOnRanks.time(comm, bytes, baseReps));
        for (int s = 0; s < bytes.length; s++) {
            results.add(Measurement.of(SECTION, OURS, ranks.master(), 2, bytes[s], RankTimes.slowest(t, 3 * s)));
            results.add(Measurement.of(SECTION, transportMethod(t.get(0).transport()), ranks.master(), 2, bytes[s],
                    RankTimes.slowest(t, 3 * s + 1)));
            results.add(Measurement.of(SECTION, rawSocket, ranks.master(), 2, bytes[s], RankTimes.slowest(t, 3 * s + 2)));
        }
    }

    /** How the report names the transport-level line: MPJ Express's own calls where it is MPJ. */
    static String transportMethod(String transportClass) {
        return transportClass.startsWith("Mpj") ? "MPJ Express Isend/Irecv (below our API)"
                : "transport " + transportClass + " (below our API)";
    }

    /** Native MPI's ping-pong at every size (none if {@code nativeMpi} is null or not available). */
    static List<Measurement> nativeRun(long[] bytes, int baseReps, NativeMpi nativeMpi) throws IOException {
        List<Measurement> out = new java.util.ArrayList<>();
        if (nativeMpi != null && nativeMpi.available()) {
            System.out.println("ping-pong: native MPI");
            for (long b : bytes) { // one size at a time: a repetition count per size, as above
                int reps = Math.max(10, RankTimes.reps(b, baseReps)); // cheap: more samples, a steadier median
                out.addAll(nativeMpi.pingPong(new long[] {b}, new int[] {PingPongOnRanks.inner(b)}, reps,
                        RankTimes.warmup(reps)));
            }
        }
        return out;
    }
}
