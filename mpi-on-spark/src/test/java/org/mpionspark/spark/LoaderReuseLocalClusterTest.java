package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.loader.LoaderPool;
import org.mpionspark.bridge.loader.RankClassLoader;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/**
 * On two executor JVMs, SPMD stage after stage: each executor defines MPJ Express's classes for its
 * first world only, later worlds reuse its loader; a world that fails leaves no loader to reuse, and
 * the next world on the same executors gets a fresh one and computes right. With the lanes off, as
 * here, MPJ Express carries the messages and starts with every world.
 */
@Timeout(300)
class LoaderReuseLocalClusterTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        // messages through MPJ Express, which then starts with every world: beside the lanes it starts only when asked for
        jsc = new JavaSparkContext(SparkSessions.localClusterConf(2, 2).set("spark.mpi.network.lanes", "false"));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void executorsReuseTheirLoaderStageAfterStageAndDropItAfterAFailure() {
        Map<String, long[]> first = loaders(world(0));
        assertEquals(2, first.size(), "two executor JVMs: " + first);
        Map<String, long[]> second = loaders(world(1));
        Map<String, long[]> third = loaders(world(2));
        for (String jvm : first.keySet()) {
            assertEquals(first.get(jvm)[0], third.get(jvm)[0], jvm + " made no loader after its first world");
            assertEquals(first.get(jvm)[1] + 2, third.get(jvm)[1], jvm + " reused its loader twice");
            assertEquals(first.get(jvm)[1] + 1, second.get(jvm)[1], jvm);
        }

        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 3) {
                throw new IllegalStateException("rank three gives up");
            }
            comm.recv(new int[1], 3, 9); // freed by rank 3's failure
            return "";
        }));
        assertEquals(3, e.failedRank(), e.getMessage());

        Map<String, long[]> after = loaders(world(3));
        Map<String, long[]> later = loaders(world(4));
        for (String jvm : first.keySet()) {
            assertEquals(third.get(jvm)[0] + 1, after.get(jvm)[0], jvm + " made a fresh loader after the failure");
            assertEquals(after.get(jvm)[0], later.get(jvm)[0], jvm + " and reused that one");
            assertEquals(after.get(jvm)[1] + 1, later.get(jvm)[1], jvm);
        }
    }

    /**
     * World {@code w} on 4 ranks (an allreduce and a ring shift between the JVMs, checked), once the
     * last world's endpoints have closed on every executor: each rank's "jvm made reused".
     */
    private static List<String> world(int w) {
        jsc.parallelize(List.of(0, 1, 2, 3), 4).rdd().barrier().mapPartitions(new AwaitClosed(), false,
                scala.reflect.ClassTag$.MODULE$.apply(Integer.class)).count();
        List<String> out = mpi.run(4, comm -> {
            long[] sum = {comm.rank() + w};
            comm.allreduce(sum, sum, Op.SUM);
            int[] ring = {-1};
            comm.sendrecv(new int[] {comm.rank()}, (comm.rank() + 1) % 4, 1, ring, (comm.rank() + 3) % 4, 1);
            if (sum[0] != 6 + 4L * w || ring[0] != (comm.rank() + 3) % 4) {
                throw new AssertionError("world " + w + ", rank " + comm.rank() + ": sum " + sum[0] + ", ring " + ring[0]);
            }
            return ProcessHandle.current().pid() + " " + RankClassLoader.made() + " " + LoaderPool.reused();
        });
        assertEquals(4, out.size());
        return out;
    }

    private static Map<String, long[]> loaders(List<String> ranks) {
        Map<String, long[]> byJvm = new TreeMap<>();
        for (String r : ranks) {
            String[] p = r.split(" ");
            byJvm.put(p[0], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
        }
        return byJvm;
    }

    /** A barrier task on every slot: waits until the worlds of its executor have closed in the background. */
    private static final class AwaitClosed
            extends scala.runtime.AbstractFunction1<scala.collection.Iterator<Integer>, scala.collection.Iterator<Integer>>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public scala.collection.Iterator<Integer> apply(scala.collection.Iterator<Integer> in) {
            if (!LoaderPool.awaitNoneClosing(60_000)) {
                throw new IllegalStateException("a world of this executor did not close within 60 s");
            }
            return in;
        }
    }
}
