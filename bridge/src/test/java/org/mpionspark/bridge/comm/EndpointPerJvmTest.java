package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Status;

/**
 * A world spread over JVMs starts one endpoint per JVM (its lanes, or MPJ Express), shared by the
 * world's ranks there: messages between JVMs keep MPI's order, matching and wildcards, whether they ride in
 * their header or follow it. Ranks are placed as Spark places tasks on two executors (world ranks
 * 0, 2, 4 in one JVM, 1, 3, 5 in the other).
 */
@Timeout(120)
class EndpointPerJvmTest {

    /** On the lanes, MPJ Express does not start at all: nothing asked for its own collectives. */
    @ParameterizedTest(name = "lanes {0}")
    @ValueSource(booleans = {true, false})
    void sixRanksOnTwoJvmsStartTwoEndpointsAndComputeTheSameAsOneJvm(boolean lanes) throws Exception {
        long before = RankClassLoader.made() + LoaderPool.reused();
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(6, 2, lanes, RankOptions.DEFAULTS, comm -> {
            int r = comm.rank();
            double[] sum = new double[100_000]; // 800 KB: two-level, leaders cross the endpoints
            Arrays.fill(sum, r + 1);
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, sum, Op.SUM);
            int[] ring = {-1};
            comm.sendrecv(new int[] {r}, 0, 1, (r + 1) % 6, 3, ring, 0, 1, (r + 5) % 6, 3);
            return sum[0] + " " + sum[99_999] + " " + ring[0];
        }));
        for (int r = 0; r < 6; r++) {
            assertEquals("21.0 21.0 " + (r + 5) % 6, got.get(r));
        }
        assertEquals(lanes ? 0 : 2, RankClassLoader.made() + LoaderPool.reused() - before,
                "one MPJ Express (one class loader, new or pooled) per JVM, not per rank; none beside the lanes");
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "the endpoints' loaders are pooled or collected once the world ends");
    }

    /**
     * Sixteen ranks, two in each of eight JVMs, in several worlds in a row: the first rank of a JVM
     * to end must leave the endpoint to the last, which closes it in step with the other JVMs.
     */
    @Test
    void sixteenRanksOnEightJvmsEndWorldAfterWorld() throws Exception {
        for (int world = 0; world < 3; world++) {
            List<Integer> got = ThreadWorld.values(ThreadWorld.runOnJvms(16, 8, RankOptions.DEFAULTS, comm -> {
                int[] sum = {comm.rank()};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, sum, Op.SUM);
                return sum[0];
            }));
            assertEquals(java.util.Collections.nCopies(16, 120), got);
        }
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "every endpoint was closed and its loader pooled or collected");
    }

    @Test
    void aLongMessageThenAShortOneFromTheSameRankArriveInOrderWithTheirStatus() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, ThreadWorld.Placement.EACH_APART,
                RankOptions.DEFAULTS, comm -> {
                    if (comm.rank() == 0) {
                        double[] big = new double[200_000]; // 1.6 MB: follows its header under its own tag
                        Arrays.setAll(big, i -> i);
                        comm.send(big, 1, 5);
                        comm.send(new double[] {-1}, 1, 5); // rides in its header: must not overtake
                        comm.send(new int[] {7, 8, 9}, 1, 6);
                        return "sent";
                    }
                    Status probed = comm.probe(0, 5);
                    double[] first = new double[200_000];
                    Status s1 = comm.recv(first, org.mpionspark.mpi.Communicator.ANY_SOURCE, 5);
                    double[] second = new double[4];
                    Status s2 = comm.recv(second, 0, org.mpionspark.mpi.Communicator.ANY_TAG);
                    int[] third = new int[3];
                    Status s3 = comm.recv(third, 0, 6);
                    assertEquals(199_999.0, first[199_999]);
                    assertArrayEquals(new double[] {-1, 0, 0, 0}, second);
                    assertArrayEquals(new int[] {7, 8, 9}, third);
                    return probed + " " + s1 + " " + s2 + " " + s3;
                }));
        assertEquals("Status[source=0, tag=5, count=200000] Status[source=0, tag=5, count=200000] "
                + "Status[source=0, tag=5, count=1] Status[source=0, tag=6, count=3]", got.get(1));
    }

    @Test
    void aMessageTooLongForItsReceiveFromAnotherJvmFailsThatReceiveAndTheNextOneArrives() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, ThreadWorld.Placement.EACH_APART,
                RankOptions.DEFAULTS, comm -> {
                    if (comm.rank() == 0) {
                        comm.send(new long[50_000], 1, 1); // 400 KB into a receive of 10
                        comm.send(new long[] {42}, 1, 2);
                        return "sent";
                    }
                    String error;
                    try {
                        comm.recv(new long[10], 0, 1);
                        error = "no error";
                    } catch (MpiException e) {
                        error = e.getMessage();
                    }
                    long[] next = new long[1];
                    comm.recv(next, 0, 2);
                    return error + " | " + next[0];
                }));
        assertTrue(got.get(1).contains("50000") && got.get(1).endsWith("| 42"), got.get(1));
    }
}
