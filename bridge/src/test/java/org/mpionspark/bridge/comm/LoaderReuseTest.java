package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.Op;

/**
 * A JVM's MPJ Express loader serves world after world (its statics reset between them), so only
 * the first world of a JVM defines MPJ's classes; a world that fails gives its loaders back to
 * nobody, and the next world on the same JVMs computes right with fresh ones. Messages take MPJ
 * Express here (lanes off), which then starts with every world; beside the lanes it starts only
 * when its own collectives are asked for.
 */
@Timeout(120)
class LoaderReuseTest {

    @BeforeEach
    void emptyPool() {
        LoaderPool.clear();
    }

    @Test
    void worldsInARowReuseTheirJvmsLoadersAndComputeRight() throws Exception {
        long made = RankClassLoader.made();
        long reused = LoaderPool.reused();
        for (int world = 0; world < 4; world++) {
            int w = world;
            idleOnceClosed(); // else a world may start while the last one's endpoints still close
            List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, false,
                    RankOptions.DEFAULTS, comm -> sumAndRing(comm, w)));
            for (int r = 0; r < 4; r++) {
                assertEquals((6 + 4 * w) + " " + (r + 3) % 4 + " " + 40_000 * (1 + w), got.get(r), "world " + w);
            }
        }
        assertEquals(2, RankClassLoader.made() - made, "one loader per JVM for the first world, none after");
        assertEquals(6, LoaderPool.reused() - reused, "worlds 2 to 4 took their two loaders from the pool");
        assertEquals(2, idleOnceClosed());
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "no loader is held but by the pool");
        LoaderPool.clear();
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "pooled loaders are collected once the pool lets go");
    }

    /**
     * A world that fails on loaders taken from the pool (a rank throws while a long message crosses
     * the JVMs, or a rank aborts): none of its loaders goes back, and the next world gets new ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"throws", "aborts"})
    void aFailedWorldLeavesNoLoaderInThePoolAndTheNextWorldComputesRight(String how) throws Exception {
        ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, false, RankOptions.DEFAULTS,
                comm -> sumAndRing(comm, 0)));
        assertEquals(2, idleOnceClosed(), "a clean world gives its loaders back");

        List<ThreadWorld.Outcome<Integer>> failed = ThreadWorld.runOnJvms(4, 2, false,
                RankOptions.DEFAULTS, comm -> {
                    if (comm.rank() == 0) {
                        comm.send(new double[200_000], 1, 1); // 1.6 MB towards the other JVM, never received
                    }
                    if (comm.rank() == 3) {
                        if (how.equals("aborts")) {
                            comm.abort(7);
                        }
                        throw new IllegalStateException("rank three gives up");
                    }
                    comm.recv(new int[1], Communicator.ANY_SOURCE, 99); // nobody sends it: freed by the failure
                    return 0;
                });
        for (int r = 0; r < 3; r++) {
            assertNotNull(failed.get(r).error(), "rank " + r);
            assertInstanceOf(MpiAbortedException.class, failed.get(r).error(), "rank " + r);
            assertEquals(3, ((MpiAbortedException) failed.get(r).error()).failedRank());
        }
        assertEquals(0, idleOnceClosed(), "the failed world's loaders were dropped");
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "and collected");

        long made = RankClassLoader.made();
        for (int world = 1; world < 3; world++) {
            int w = world;
            idleOnceClosed();
            List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, false,
                    RankOptions.DEFAULTS, comm -> sumAndRing(comm, w)));
            for (int r = 0; r < 4; r++) {
                assertEquals((6 + 4 * w) + " " + (r + 3) % 4 + " " + 40_000 * (1 + w), got.get(r), "world " + w);
            }
        }
        assertEquals(2, RankClassLoader.made() - made, "fresh loaders after the failure, reused after that");
    }

    /** Eight JVMs' endpoints at once in this JVM: each gets a loader of its own, two of them from the pool. */
    @Test
    void endpointsRunningSideBySideNeverShareALoader() throws Exception {
        ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, false, RankOptions.DEFAULTS,
                comm -> sumAndRing(comm, 0)));
        assertEquals(2, idleOnceClosed());
        long made = RankClassLoader.made();
        List<Integer> got = ThreadWorld.values(ThreadWorld.runOnJvms(16, 8, false, RankOptions.DEFAULTS, comm -> {
            int[] sum = {comm.rank()};
            comm.allreduce(Communicator.IN_PLACE, sum, Op.SUM);
            return sum[0];
        }));
        assertEquals(Collections.nCopies(16, 120), got);
        assertEquals(6, RankClassLoader.made() - made, "8 endpoints: 2 pooled loaders, 6 new ones");
        assertEquals(8, idleOnceClosed());
    }

    /** The loaders in the pool once every world here has closed (in the background). */
    private static int idleOnceClosed() {
        assertTrue(LoaderPool.awaitNoneClosing(30_000), "every world's endpoints closed");
        return LoaderPool.idle();
    }

    /** An allreduce, a ring shift and a long message between the JVMs: "sum ring long-sum". */
    private static String sumAndRing(Communicator comm, int world) {
        int r = comm.rank();
        int[] sum = {r + world};
        comm.allreduce(Communicator.IN_PLACE, sum, Op.SUM);
        int[] ring = {-1};
        comm.sendrecv(new int[] {r}, 0, 1, (r + 1) % 4, 3, ring, 0, 1, (r + 3) % 4, 3);
        double[] big = new double[40_000]; // 320 KB: follows its header under a tag of its own
        java.util.Arrays.fill(big, 1 + world);
        double[] back = new double[40_000];
        comm.sendrecv(big, 0, big.length, (r + 1) % 4, 4, back, 0, back.length, (r + 3) % 4, 4);
        double total = 0;
        for (double d : back) {
            total += d;
        }
        return sum[0] + " " + ring[0] + " " + (long) total;
    }
}
