package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/** SPMD stages on embedded local[8] Spark: N ranks as N task threads of one JVM. */
@Timeout(300)
class SpmdLocalModeTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        // one class registered, the others not: both kinds travel
        jsc = new JavaSparkContext(SparkSessions.localConf(8).set(MpiConf.KRYO_CLASSES.name(),
                KryoValues.Reading.class.getName()));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.stop();
    }

    @Test
    void eightRanksAllreduceBcastAndExchange() {
        List<String> out = mpi.run(8, comm -> {
            double[] mine = {comm.rank(), 1.0};
            double[] sum = new double[2];
            comm.allreduce(mine, sum, Op.SUM);
            long[] fromRoot = comm.rank() == 3 ? new long[] {42, 43} : new long[2];
            comm.bcast(fromRoot, 3);
            String greeting = comm.bcastObject(comm.rank() == 0 ? "hello from 0" : null, 0);
            int right = (comm.rank() + 1) % comm.size();
            int left = (comm.rank() - 1 + comm.size()) % comm.size();
            int[] token = {comm.rank() * 10};
            int[] got = new int[1];
            if (comm.rank() % 2 == 0) {
                comm.send(token, right, 5);
                comm.recv(got, left, 5);
            } else {
                comm.recv(got, left, 5);
                comm.send(token, right, 5);
            }
            comm.barrier();
            return comm.rank() + "/" + comm.size() + " " + sum[0] + "," + sum[1] + " " + fromRoot[1] + " "
                    + greeting + " " + got[0];
        });
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            expected.add(r + "/8 28.0,8.0 43 hello from 0 " + ((r + 7) % 8) * 10);
        }
        assertEquals(expected, out);
    }

    @Test
    void valuesThatAreNotSerializableAreReturnedByRunAndByMapPartitions() {
        List<KryoValues.Reading> readings = mpi.run(4, KryoValues::exchange);
        assertEquals(IntStream.range(0, 4).mapToObj(r -> KryoValues.expected(r, 4)).toList(), readings);

        JavaRDD<Integer> numbers = jsc.parallelize(IntStream.range(0, 40).boxed().toList(), 4);
        JavaRDD<KryoValues.Tally> tallies = mpi.mapPartitions(numbers, (comm, part) -> {
            long[] sum = {0};
            part.forEachRemaining(x -> sum[0] += x);
            long[] total = sum.clone();
            comm.allreduce(total, total, Op.SUM);
            return List.of(new KryoValues.Tally(comm.rank(), java.util.Map.of("mine", sum, "all", total))).iterator();
        });
        List<String> expected = List.of("Tally 0 mine=[45]", "Tally 1 mine=[145]", "Tally 2 mine=[245]",
                "Tally 3 mine=[345]");
        assertEquals(expected, tallies.collect().stream().map(t -> t.toString().replaceAll(" all=\\[780\\]", ""))
                .toList());
        assertTrue(tallies.first().toString().contains("all=[780]"), tallies.first().toString());
        assertEquals(2, tallies.take(2).size());
        assertEquals(List.of(0, 1, 2, 3), tallies.map(t -> Integer.parseInt(t.toString().split(" ")[1])).collect());
    }

    @Test
    void nonBlockingObjectsRequestSetsSelfAndFreeWorkInSparkTasks() {
        List<String> out = mpi.run(4, comm -> {
            int next = (comm.rank() + 1) % comm.size();
            int prev = (comm.rank() + comm.size() - 1) % comm.size();
            org.mpionspark.mpi.ObjectRequest<KryoValues.Reading> in = comm.irecvObject(prev, 2);
            org.mpionspark.mpi.Request sent = comm.isendObject(KryoValues.expected(comm.rank(), 4), next, 2);
            int[] done = org.mpionspark.mpi.Request.waitSome(in, sent);
            org.mpionspark.mpi.Request.waitAll(in, sent);
            comm.sendObject("hi " + comm.rank(), next, 7 + comm.rank());
            org.mpionspark.mpi.Received<String> hi = comm.recvObjectWithStatus(Communicator.ANY_SOURCE,
                    Communicator.ANY_TAG);
            int[] mine = {comm.rank() * 3};
            comm.self().allreduce(mine, mine, Op.SUM);
            org.mpionspark.mpi.Communicator pair = comm.split(comm.rank() / 2, 0);
            int[] v = {comm.rank()};
            pair.allreduce(v, v, Op.SUM);
            pair.free();
            String freed = assertThrows(MpiException.class, pair::barrier).getMessage();
            return in.waitForObject().rank() + " " + (done.length > 0) + " " + hi.value() + " from "
                    + hi.status().source() + " tag " + hi.status().tag() + " self " + comm.self().size() + ":"
                    + mine[0] + " pair " + v[0] + " " + freed.substring(freed.indexOf("barrier"));
        });
        String freed = "barrier(): this communicator (2 ranks, context 2) was freed: it cannot be used any more";
        assertEquals(List.of("3 true hi 3 from 3 tag 10 self 1:0 pair 1 " + freed,
                "0 true hi 0 from 0 tag 7 self 1:3 pair 1 " + freed,
                "1 true hi 1 from 1 tag 8 self 1:6 pair 5 " + freed,
                "2 true hi 2 from 2 tag 9 self 1:9 pair 5 " + freed), out);
    }

    @Test
    void partitionsBecomeRanksOfAnRdd() {
        JavaRDD<Integer> numbers = jsc.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4);
        JavaRDD<String> out = mpi.mapPartitions(numbers, (comm, part) -> {
            long local = 0;
            while (part.hasNext()) {
                local += part.next();
            }
            long[] total = {local};
            comm.allreduce(total, total, Op.SUM);
            return Collections.singletonList(comm.rank() + ":" + local + "/" + total[0]).iterator();
        });
        assertEquals(List.of("0:325/5050", "1:950/5050", "2:1575/5050", "3:2200/5050"), out.collect());
        // an RDD can be computed again: a fresh world each time
        assertEquals(4, out.count());
    }

    @Test
    void largeAllreduceMatchesAReferenceSum() {
        int n = 1 << 20;
        List<double[]> out = mpi.run(4, comm -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = comm.rank() * 0.5 + i;
            }
            comm.allreduce(v, v, Op.SUM);
            return new double[] {v[0], v[n / 2], v[n - 1]};
        });
        double[] expected = {3.0, 4.0 * (n / 2) + 3.0, 4.0 * (n - 1) + 3.0};
        for (double[] r : out) {
            assertArrayEquals(expected, r);
        }
    }

    @Test
    void aRankThatThrowsFreesTheOthersAndNamesItself() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 2) {
                throw new IllegalStateException("boom on rank two");
            }
            double[] never = new double[1];
            comm.recv(never, 2, 0); // would wait forever without the abort
            return 0;
        }));
        assertEquals(2, e.failedRank());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("boom on rank two", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("rank 2 of 4 failed"), e.getMessage());
        assertEquals(List.of(), ThreadCheck.mpiThreadsAfter(10));
    }

    @Test
    void eachRanksOutputComesBackInRankOrderLikeIpyparallel() {
        SpmdResult<Integer> out = mpi.runWithOutput(4, comm -> {
            comm.barrier();
            System.out.println("hello from " + comm.rank() + " of " + comm.size());
            if (comm.rank() == 2) {
                System.err.println("a warning on two");
            }
            if (comm.rank() == 3) {
                Thread child = new Thread(() -> System.out.println("from a thread of rank three"));
                child.start();
                child.join();
            }
            return comm.rank() * comm.rank();
        });
        assertEquals(List.of(0, 1, 4, 9), out.values());
        assertEquals("hello from 2 of 4\n", out.stdout().get(2));
        assertEquals("a warning on two\n", out.stderr().get(2));
        assertEquals("[stdout:0] hello from 0 of 4\n[stdout:1] hello from 1 of 4\n[stdout:2] hello from 2 of 4\n"
                + "[stderr:2] a warning on two\n[stdout:3] hello from 3 of 4\n[stdout:3] from a thread of rank three\n",
                out.formatted());
    }

    @Test
    void twoJobsAtOnceFromTwoDriverThreadsEachGetTheirOwnWorld() throws Exception {
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<Long>>> jobs = new ArrayList<>();
            for (long job = 1; job <= 2; job++) {
                long k = job;
                jobs.add(driver.submit(() -> {
                    List<Long> last = null;
                    for (int round = 0; round < 5; round++) {
                        last = mpi.run(4, comm -> {
                            long[] v = {k * 1000 + comm.rank()};
                            comm.allreduce(v, v, Op.SUM);
                            long[] fromLeft = new long[1];
                            comm.sendrecv(new long[] {k}, (comm.rank() + 1) % 4, 3, fromLeft, (comm.rank() + 3) % 4, 3);
                            return v[0] * 10 + fromLeft[0];
                        });
                    }
                    return last;
                }));
            }
            assertEquals(Collections.nCopies(4, (4000L + 6) * 10 + 1), jobs.get(0).get(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(Collections.nCopies(4, (8000L + 6) * 10 + 2), jobs.get(1).get(120, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            driver.shutdownNow();
        }
    }

    @Test
    void nonBlockingCollectivesCompleteBesideTheRanksWorkAndLeaveNoThread() {
        List<String> out = mpi.run(4, comm -> {
            long[] v = {comm.rank() + 1L};
            long[] sum = new long[1];
            org.mpionspark.mpi.Request r = comm.iallreduce(v, sum, Op.SUM);
            org.mpionspark.mpi.Request b = comm.ibarrier();
            double work = 0;
            for (int i = 0; i < 100_000; i++) {
                work += Math.sqrt(i);
            }
            org.mpionspark.mpi.Request.waitAll(r, b);
            return sum[0] + (work > 0 ? "" : "?");
        });
        assertEquals(List.of("10", "10", "10", "10"), out);
        assertEquals(List.of(), ThreadCheck.mpiThreadsAfter(10));
    }

    @Test
    void aBlockOpACartesianRingAndAnInPlaceReduceWorkInSparkTasks() {
        Op pairSum = Op.create("PAIRSUM", (in, inOff, inout, outOff, count) -> {
            long[] a = (long[]) in;
            long[] b = (long[]) inout;
            for (int k = 0; k < count; k += 2) { // (count, total) pairs, kept whole
                b[outOff + k] += a[inOff + k];
                b[outOff + k + 1] += a[inOff + k + 1];
            }
        }, true, 2);
        List<String> out = mpi.run(4, comm -> {
            long[] pair = {1, comm.rank()};
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, pair, pairSum);
            org.mpionspark.mpi.CartCommunicator ring = comm.createCart(new int[] {4}, new boolean[] {true});
            int[] sd = ring.shift(0, 1);
            int[] fromLeft = new int[1];
            ring.sendrecv(new int[] {comm.rank()}, sd[1], 0, fromLeft, sd[0], 0);
            long[] total = {comm.rank()};
            comm.reduce(comm.rank() == 0 ? org.mpionspark.mpi.Communicator.IN_PLACE : total,
                    comm.rank() == 0 ? total : null, Op.SUM, 0);
            return pair[0] + "," + pair[1] + " " + fromLeft[0] + " " + total[0];
        });
        assertEquals(List.of("4,6 3 6", "4,6 0 1", "4,6 1 2", "4,6 2 3"), out);
    }

    @Test
    void moreRanksThanSlotsFailsAtOnceNamingBothNumbers() {
        MpiException e = assertThrows(MpiException.class, () -> mpi.run(9, comm -> 1));
        assertTrue(e.getMessage().contains("needs 9 task slots"), e.getMessage());
        assertTrue(e.getMessage().contains("has only 8"), e.getMessage());
    }

    @Test
    void twentyStagesInARowLeaveNoThreadBehind() {
        mpi.run(4, comm -> comm.rank()); // warm Spark's own pools
        List<String> before = ThreadCheck.steadyThreads();
        for (int stage = 0; stage < 20; stage++) {
            int s = stage;
            List<Integer> ranks = mpi.run(4, comm -> {
                int[] v = {s};
                comm.allreduce(v, v, Op.SUM);
                return v[0];
            });
            assertEquals(Collections.nCopies(4, 4 * s), ranks);
        }
        assertEquals(List.of(), ThreadCheck.mpiThreads());
        assertEquals(List.of(), ThreadCheck.added(before, ThreadCheck.steadyThreads()), "threads added by 20 stages");
        // the connection pool is reused from stage to stage: at most one thread per concurrent rank
        assertTrue(ThreadCheck.rendezvousConnectionThreads() <= 8, "rendezvous threads: "
                + ThreadCheck.rendezvousConnectionThreads());
    }
}
