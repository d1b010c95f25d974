package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/**
 * 500 SPMD stages in a row (run and mapPartitions, some failing) leave threads, file descriptors
 * and live heap where they were at stage 100. Spark's own UI retention is bounded small here, so
 * what is measured is ours. {@code -Dsoak.stages}, {@code -Dsoak.retained} and
 * {@code -Dsoak.histogram=true} (class-histogram growth) serve investigations.
 */
@Timeout(600)
class FiveHundredStagesLeaveNoFootprintTest {

    private static final int RANKS = 4;
    private static final int FIRST_MEASURE = 100;
    /** Far below what a leak of a few KB per stage adds over 400 stages. */
    private static final long HEAP_GROWTH_BOUND = 1 << 20;
    private static final long FD_GROWTH_BOUND = 8;

    @Test
    void fiveHundredStagesKeepThreadsFdsAndHeapFlat() {
        int stages = Integer.getInteger("soak.stages", 500);
        String retained = System.getProperty("soak.retained", "20");
        boolean histogram = Boolean.getBoolean("soak.histogram");
        SparkConf conf = SparkSessions.localConf(RANKS)
                .set("spark.ui.retainedStages", retained)
                .set("spark.ui.retainedJobs", retained)
                .set("spark.sql.ui.retainedExecutions", retained)
                .set("spark.mpi.op.timeout", "3s"); // the early-return stages wait this long
        JavaSparkContext jsc = new JavaSparkContext(conf);
        try {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            Footprint start = null;
            String startHistogram = null;
            long startedAt = System.nanoTime();
            for (int s = 0; s < stages; s++) {
                if (s == Math.min(FIRST_MEASURE, stages / 5)) {
                    start = Footprint.now();
                    startHistogram = histogram ? Footprint.classHistogram() : null;
                    System.out.println("soak: at stage " + s + ": " + start);
                }
                stage(jsc, mpi, s);
            }
            assertEquals(List.of(), ThreadCheck.mpiThreadsAfter(10), "rank threads left after " + stages + " stages");
            assertEquals(0, org.mpionspark.bridge.memory.MemoryWorld.open(), "memory worlds left after " + stages
                    + " stages");
            Footprint end = Footprint.now();
            System.out.println("soak: at stage " + stages + ": " + end + " ("
                    + (System.nanoTime() - startedAt) / 1_000_000 + " ms for " + stages + " stages)");
            if (histogram) {
                String endHistogram = Footprint.classHistogram();
                System.out.println("soak: live-class growth:\n" + Footprint.histogramGrowth(startHistogram,
                        endHistogram, 30) + "\n" + endHistogram.substring(0, Math.min(300, endHistogram.length())));
            }
            assertEquals(List.of(), ThreadCheck.added(start.threads(), end.threads()), "threads added");
            assertTrue(end.fds() - start.fds() <= FD_GROWTH_BOUND, "file descriptors: " + start + " -> " + end);
            assertTrue(end.heap() - start.heap() < HEAP_GROWTH_BOUND, "live heap: " + start + " -> " + end);
        } finally {
            jsc.stop();
        }
    }

    /** Stage {@code s}: mostly good runs and mapPartitions, every 50 a rank throwing and a mismatched collective. */
    private static void stage(JavaSparkContext jsc, JavaMpiContext mpi, int s) {
        if (s % 50 == 7) {
            MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(RANKS, comm -> {
                if (comm.rank() == 1) {
                    throw new IllegalStateException("stage " + s + " rank one gives up");
                }
                comm.barrier();
                return 0;
            }));
            assertEquals(1, e.failedRank(), e.getMessage());
            assertEquals("stage " + s + " rank one gives up", e.getCause().getMessage());
        } else if (s % 50 == 32) {
            MpiException e = assertThrows(MpiException.class, () -> mpi.run(RANKS, comm -> {
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, new double[comm.rank() == 2 ? 3 : 4], Op.SUM);
                return 0;
            }));
            assertTrue(chain(e).contains("mismatched collective") || chain(e).contains("passed different counts"), chain(e));
        } else if (s == 250) {
            // rank 0 returns while the others wait for it in a recv: they time out (spark.mpi.op.timeout)
            MpiException e = assertThrows(MpiException.class, () -> mpi.run(RANKS, comm -> {
                if (comm.rank() != 0) {
                    comm.recv(new int[1], 0, 9);
                }
                return comm.rank();
            }));
            assertTrue(chain(e).contains("recv(int[1], source=0, tag=9)") && chain(e).contains("no answer after"), chain(e));
        } else if (s % 2 == 0) {
            List<Long> out = mpi.run(RANKS, comm -> {
                long[] v = {s + comm.rank()};
                comm.allreduce(v, v, Op.SUM);
                int[] got = new int[1];
                comm.sendrecv(new int[] {comm.rank()}, (comm.rank() + 1) % comm.size(), 1, got,
                        (comm.rank() + comm.size() - 1) % comm.size(), 1);
                return v[0] * 10 + got[0];
            });
            List<Long> expected = new ArrayList<>();
            for (int r = 0; r < RANKS; r++) {
                expected.add((RANKS * (long) s + 6) * 10 + (r + RANKS - 1) % RANKS);
            }
            assertEquals(expected, out, "stage " + s);
        } else {
            JavaRDD<Integer> numbers = jsc.parallelize(IntStream.range(0, 40).boxed().toList(), RANKS);
            List<String> out = mpi.mapPartitions(numbers, (comm, part) -> {
                long local = 0;
                while (part.hasNext()) {
                    local += part.next();
                }
                long[] total = {local + s};
                comm.allreduce(total, total, Op.SUM);
                return Collections.singletonList(comm.rank() + ":" + total[0]).iterator();
            }).collect();
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < RANKS; r++) {
                expected.add(r + ":" + (780 + RANKS * (long) s));
            }
            assertEquals(expected, out, "stage " + s);
        }
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(" <- ");
        }
        return b.toString();
    }
}
