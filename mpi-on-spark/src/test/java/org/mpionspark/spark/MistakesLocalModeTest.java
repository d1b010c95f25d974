package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;

/**
 * The mistakes learners and pipeline authors make cost seconds and name the right rank and call,
 * on embedded {@code local[4]} with short timeouts: deadlocks, a rank that never returns, a rank
 * that returns early, and a stage that runs on after its world failed.
 */
@Timeout(300)
class MistakesLocalModeTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;
    /** Lets the test's looping rank go; a static, as local-mode ranks are threads of this JVM. */
    private static volatile boolean released;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(SparkSessions.base("local[4]")
                .set("spark.mpi.op.timeout", "2s")
                .set("spark.mpi.deadlock.timeout", "1s")
                .set("spark.mpi.slots.waitTimeout", "3s"));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        released = true;
        jsc.stop();
    }

    @Test
    void theCoursesDeadlockTrapFailsInSecondsWithEachRanksCall() {
        long start = System.nanoTime();
        MpiDeadlockException e = assertThrows(MpiDeadlockException.class, () -> mpi.run(2, comm -> {
            double[] data = new double[1 << 20];
            comm.recv(data, 1 - comm.rank(), 0); // both receive first: neither ever sends
            comm.send(data, 1 - comm.rank(), 0);
            return 0;
        }));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "took " + seconds + " s"); // the watchdog (1 s here), not any timeout
        assertTrue(e.calls().get(0).startsWith("rank 0 blocked in recv(double[1048576], source=1, tag=0)"), e.getMessage());
        assertTrue(e.calls().get(1).startsWith("rank 1 blocked in recv(double[1048576], source=0, tag=0)"), e.getMessage());
        assertEquals(List.of(0, 1), mpi.run(2, comm -> comm.rank()), "the next stage runs");
    }

    @Test
    void aRankThatNeverReturnsIsBlamedAndTheNextStageNamesItInsteadOfHanging() {
        released = false;
        MpiRankFailedException first = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 1) {
                while (!released) {
                    Thread.onSpinWait(); // user code with no MPI call, deaf to Spark's interrupt
                }
            }
            comm.barrier();
            return 0;
        }));
        assertEquals(1, first.failedRank(), first.getMessage());
        assertTrue(first.getMessage().matches("(?s).*rank 1 has run its own code, outside any MPI call, for \\d+\\.\\d s "
                + "while rank [023] waited for it in barrier\\(\\)[^;]* longer than spark.mpi.op.timeout \\(2 s\\).*"),
                first.getMessage());

        MpiException next = assertThrows(MpiException.class, () -> mpi.run(4, comm -> 0));
        assertTrue(next.getMessage().matches("SPMD stage: needs 4 free task slots at once \\(one per rank\\) but only 3 "
                + "of 4 were free after waiting 3000 ms \\(spark.mpi.slots.waitTimeout\\): ranks whose world failed but "
                + "whose code never returned hold 1 \\(their tasks cannot end\\): stage \\d+ attempt 0 rank 1 on "
                + "127\\.0\\.0\\.1, \\d+\\.\\d s after its world failed"), next.getMessage());

        released = true; // the stuck rank goes on: its world is gone, so its barrier fails at once
        assertEquals(List.of(0, 1, 2, 3), mpi.run(4, comm -> comm.rank()));
    }

    @Test
    void aRankThatReturnsWhileItsPeerWaitsInACollectiveIsNamedWithTheCall() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(2, comm -> {
            if (comm.rank() == 1) {
                comm.bcast(new int[3], 0); // rank 0 returns without it
            }
            return 0;
        }));
        assertTrue(e.getMessage().contains("mismatched collective"), e.getMessage());
        assertTrue(!e.getMessage().contains("lost its connection"), e.getMessage());
    }

    @Test
    void aCorrectRootThatPostProcessesLongerThanTheOpTimeoutSucceeds() {
        List<Integer> out = mpi.run(3, comm -> {
            int[] all = new int[3];
            comm.gather(new int[] {comm.rank() + 1}, all, 0);
            if (comm.rank() == 0) {
                long until = System.nanoTime() + 3_000_000_000L; // longer than spark.mpi.op.timeout=2s
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            return all[0] + all[1] + all[2];
        });
        assertEquals(List.of(6, 0, 0), out);
    }

    @Test
    void aMapPartitionsResultIsAPlainRddAndARanksErrorNamesIt() {
        JavaRDD<Integer> numbers = jsc.parallelize(IntStream.rangeClosed(1, 40).boxed().toList(), 4);
        JavaRDD<String> out = mpi.mapPartitions(numbers, (comm, part) -> {
            int n = 0;
            while (part.hasNext()) {
                n += part.next();
            }
            int[] total = {n};
            comm.allreduce(total, total, org.mpionspark.mpi.Op.SUM);
            return List.of(comm.rank() + ":" + n, "total " + total[0]).iterator();
        });
        // operations Spark forbids inside a barrier stage work on the result
        assertEquals("0:55", out.first());
        assertEquals(List.of("0:55", "total 820", "1:155"), out.take(3));
        assertEquals(8, out.union(out).count() / 2);

        JavaRDD<Integer> failing = mpi.mapPartitions(numbers, (comm, part) -> {
            if (comm.rank() == 3) {
                throw new IllegalArgumentException("bad record on rank three");
            }
            comm.barrier();
            return Collections.singletonList(comm.rank()).iterator();
        });
        Exception e = assertThrows(Exception.class, failing::collect);
        assertTrue(String.valueOf(e.getMessage()).contains("rank 3 of 4 failed")
                || String.valueOf(e.getMessage()).contains("bad record on rank three"), e.getMessage());
    }

    @Test
    void aBadSettingFailsWhenTheContextIsMadeNotAtTheFirstJob() {
        SparkConf conf = jsc.getConf().clone().set("spark.mpi.deadlock.timeout", "soon");
        JavaSparkContext other = JavaSparkContext.fromSparkContext(jsc.sc());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JavaMpiContext(new JavaSparkContext(other.sc()) {
                    @Override
                    public SparkConf getConf() {
                        return conf;
                    }
                }));
        assertEquals("spark.mpi.deadlock.timeout must be a time of zero or more, or none, not soon", e.getMessage());
    }
}
