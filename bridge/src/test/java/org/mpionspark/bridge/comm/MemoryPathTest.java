package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.memory.MemoryWorld;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;

/**
 * What is particular to ranks of one JVM: no MPJ Express at all, failures while a peer waits in
 * a hand-off or a meeting in memory, and nothing left in the JVM's table of memory worlds.
 */
@Timeout(120)
class MemoryPathTest {

    @Test
    void aWorldInOneJvmRunsWithoutMpjExpress() throws Exception {
        long loaders = org.mpionspark.bridge.loader.RankClassLoader.made();
        List<String> got = ThreadWorld.values(ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            double[] v = {comm.rank()};
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            comm.barrier();
            // no rank made a class loader for MPJ Express, and each runs one thread: its link to the driver
            return v[0] + " loaders " + (org.mpionspark.bridge.loader.RankClassLoader.made() - loaders)
                    + " threads " + RankThreads.alive().size();
        }));
        assertEquals(List.of("6.0 loaders 0 threads 4", "6.0 loaders 0 threads 4", "6.0 loaders 0 threads 4",
                "6.0 loaders 0 threads 4"), got);
        assertEquals(0, MemoryWorld.open(), "the world left the JVM's table");
    }

    @Test
    void aRankThatThrowsFreesAPeerWaitingInALargeHandOff() throws Exception {
        AtomicReferenceArray<Thread> sender = new AtomicReferenceArray<>(1);
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 1) {
                RankThreads.awaitWaiting(sender);
                throw new IllegalStateException("rank one gives up before receiving");
            }
            sender.set(0, Thread.currentThread());
            comm.send(new byte[4 << 20], 1, 0);
            return 0;
        });
        MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.get(0).error());
        assertEquals(1, e.failedRank());
        assertTrue(e.getMessage().startsWith("rank 0 in send(byte[4194304], dest=1, tag=0)"), e.getMessage());
        assertEquals("rank one gives up before receiving", e.getCause().getMessage());
        assertEquals(List.of(), RankThreads.alive());
        assertEquals(0, MemoryWorld.open());
    }

    @Test
    void aRankThatThrowsFreesPeersWaitingInAMeetingInMemory() throws Exception {
        AtomicReferenceArray<Thread> inAllreduce = new AtomicReferenceArray<>(2);
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 2) {
                RankThreads.awaitWaiting(inAllreduce);
                throw new IllegalStateException("rank two never reaches the allreduce");
            }
            inAllreduce.set(comm.rank(), Thread.currentThread());
            comm.allreduce(Communicator.IN_PLACE, new double[1 << 20], Op.SUM);
            return 0;
        });
        for (int r = 0; r < 2; r++) {
            MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.get(r).error());
            assertEquals(2, e.failedRank());
            assertTrue(e.getMessage().startsWith("rank " + r + " in allreduce(double[], Op.SUM) waiting in memory "
                    + "(peer rank 2)"), e.getMessage());
        }
        assertEquals(List.of(), RankThreads.alive());
        assertEquals(0, MemoryWorld.open());
    }

    @Test
    void aCallWithAnotherCountIsCaughtWhereTheRanksMeet() throws Exception {
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            comm.bcast(new long[comm.rank() == 0 ? 10 : 11], 0);
            return 0;
        });
        String both = out.get(0).error() + " / " + out.get(1).error();
        assertTrue(both.contains("mismatched collective: rank") && both.contains("called a different collective, or "
                + "the same one with other arguments (count, root or op): it called bcast(long[], root=0)"), both);
        // what differs is printed: each rank's count
        assertTrue(both.contains("bcast(long[], root=0) with count 10 where this rank calls bcast(long[], root=0) with "
                + "count 11") || both.contains("bcast(long[], root=0) with count 11 where this rank calls "
                + "bcast(long[], root=0) with count 10"), both);
        assertInstanceOf(MpiException.class, out.get(0).error());
        assertInstanceOf(MpiException.class, out.get(1).error());
        assertEquals(0, MemoryWorld.open());
    }

    /** The rank that called differently is the one the world's failure names, whoever noticed first. */
    @Test
    void theRankThatCalledDifferentlyIsBlamedFirst() throws Exception {
        ThreadWorld.Result<Integer> out = ThreadWorld.run(4, RankOptions.DEFAULTS, 60_000, comm -> {
            double[] v = new double[comm.rank() == 2 ? 3 : 2];
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            return 0;
        });
        org.mpionspark.bridge.rendezvous.WorldFailure f = out.failure().orElseThrow();
        assertEquals(2, f.rank(), f.message());
        org.mpionspark.mpi.MpiMismatchException m = assertInstanceOf(org.mpionspark.mpi.MpiMismatchException.class,
                f.error());
        assertEquals(2, m.culprit());
        assertTrue(f.message().contains("with count 3") && f.message().contains("with count 2"), f.message());
    }
}
