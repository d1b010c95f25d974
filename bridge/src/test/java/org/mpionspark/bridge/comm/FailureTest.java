package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rendezvous.Registration;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiTimeoutException;

/** Every way a world can go wrong ends in a clear error, and leaves no rank thread behind. */
@Timeout(120)
class FailureTest {

    @Test
    void aRankThatThrowsFreesTheOthersWithItsErrorAsCause() throws Exception {
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 3) {
                throw new IllegalStateException("rank three gives up");
            }
            comm.barrier();
            return 1;
        });
        assertEquals("rank three gives up", out.get(3).error().getMessage());
        for (int r = 0; r < 3; r++) {
            MpiAbortedException e = assertInstanceOf(MpiAbortedException.class, out.get(r).error());
            assertEquals(3, e.failedRank());
            assertEquals(r, e.rank());
            // freed in the barrier, or still in MPI_Init if rank 3 got through its own start-up first
            assertTrue(e.getMessage().contains("barrier()") || e.getMessage().contains("MPI_Init"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        assertEquals(List.of(), RankThreads.alive());
        assertEquals(0, RankThreads.liveLoadersAfterGc(), "every rank's MPJ Express classes were unloaded");
    }

    @Test
    void aPeerThatNeverAnswersTimesOutNamingRankCallAndPeer() throws Exception {
        List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(2, RankOptions.DEFAULTS.withOpTimeoutMillis(500), comm -> {
            if (comm.rank() == 0) {
                comm.recv(new int[1], 1, 42); // rank 1 never sends
            }
            return 0;
        });
        MpiTimeoutException e = assertInstanceOf(MpiTimeoutException.class, out.get(0).error());
        assertEquals(0, e.rank());
        assertEquals(1, e.peer());
        assertTrue(e.getMessage().contains("recv(int[1], source=1, tag=42)"), e.getMessage());
        // rank 1 finished its body, then waited in the closing barrier: freed by rank 0's failure or its own timeout
        MpiException closing = assertInstanceOf(MpiException.class, out.get(1).error());
        assertEquals(1, closing.rank());
        assertTrue(closing.getMessage().contains("end of rank"), closing.getMessage());
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void aRankThatNeverArrivesFailsTheRendezvousNamingIt() throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            Registration reg = server.register(3, 1_000);
            // only ranks 0 and 1 of 3 start
            List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(reg.ticket(), "w", 2, RankOptions.DEFAULTS, c -> 0);
            for (ThreadWorld.Outcome<Integer> o : out) {
                MpiException e = assertInstanceOf(MpiException.class, o.error());
                assertTrue(e.getMessage().contains("rank(s) [2] of 3 never reached the rendezvous within 1000 ms"),
                        e.getMessage());
            }
            assertEquals(2, reg.firstFailure().orElseThrow().rank());
        }
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        try (RendezvousServer server = new RendezvousServer(InetAddress.getLoopbackAddress(), "127.0.0.1")) {
            WorldTicket good = server.register(1, 5_000).ticket();
            WorldTicket forged = new WorldTicket(good.host(), good.port(), good.registrationId(), new byte[32], 1, 5_000);
            List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(forged, "w", 1, RankOptions.DEFAULTS, c -> 0);
            MpiException e = assertInstanceOf(MpiException.class, out.get(0).error());
            assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("wrong secret"), e.getMessage());
            // the genuine ticket still works
            List<ThreadWorld.Outcome<Integer>> ok = ThreadWorld.run(good, "w", 1, RankOptions.DEFAULTS, c -> c.size());
            assertNull(ok.get(0).error());
            assertEquals(1, ok.get(0).value());
        }
    }

    @Test
    void mismatchedCollectivesAreReportedNotLeftToHang() throws Exception {
        List<ThreadWorld.Outcome<Integer>> counts = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            comm.allreduce(Communicator.IN_PLACE, new double[comm.rank() == 0 ? 3 : 4], org.mpionspark.mpi.Op.SUM);
            return 0;
        });
        for (int r = 0; r < 2; r++) {
            MpiException e = assertInstanceOf(MpiException.class, counts.get(r).error());
            assertTrue(e.getMessage().contains("mismatched collective")
                    || e instanceof MpiAbortedException, e.getMessage());
        }
        MpiException first = (MpiException) (counts.get(0).error() instanceof MpiAbortedException
                ? counts.get(1).error() : counts.get(0).error());
        assertTrue(first.getMessage().contains("allreduce(double[], Op.SUM)") && first.getMessage().contains(
                "called a different collective, or the same one with other arguments"), first.getMessage());

        List<ThreadWorld.Outcome<Integer>> skipped = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.barrier(); // rank 1 skips this one
            }
            comm.bcast(new int[1], 0);
            return 0;
        });
        String both = skipped.get(0).error() + " / " + skipped.get(1).error();
        assertTrue(both.contains("mismatched collective"), both);
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void aVCollectiveWhoseRanksDisagreeOnCountsFailsNamingTheSizes() throws Exception {
        for (int sent : new int[] {5, 2}) { // longer and shorter than the root's counts[1] = 3
            List<ThreadWorld.Outcome<Integer>> out = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
                int[] mine = new int[comm.rank() == 1 ? sent : 3];
                comm.gatherv(mine, 0, mine.length, new int[6], new int[] {3, 3}, null, 0);
                return 0;
            });
            MpiException root = assertInstanceOf(MpiException.class, out.get(0).error());
            assertEquals("rank 0 in gatherv(root=0) receiving from rank 1 (peer rank 1): rank 1 sent " + sent
                    + " elements where 3 were expected: the ranks passed different counts", root.getMessage());
            MpiException other = assertInstanceOf(MpiException.class, out.get(1).error());
            assertEquals(1, other.rank());
        }
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsSent() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            StringBuilder s = new StringBuilder();
            s.append(assertThrows(IllegalArgumentException.class, () -> comm.send(new double[1], 2, 0)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class, () -> comm.send(new double[1], 1, -3)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class, () -> comm.send((int[]) null, 1, 0)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class,
                    () -> comm.allreduce(new double[2], new double[3], org.mpionspark.mpi.Op.SUM)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class,
                    () -> comm.allreduce(new double[2], new double[2], null)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class,
                    () -> comm.allreduceObject(1, null)).getMessage()).append('\n');
            s.append(assertThrows(IllegalArgumentException.class,
                    () -> org.mpionspark.mpi.Op.create(null, (in, inOff, inout, outOff, count) -> { }, true)).getMessage())
                    .append('\n');
            s.append(assertThrows(IllegalArgumentException.class, () -> comm.sendObject(new Thread(), 1, 0)).getMessage());
            return s.toString();
        }));
        String[] lines = out.get(0).split("\n");
        assertEquals("rank 0 in send(double[1], dest=2, tag=0): dest 2 is not a rank of this communicator (0..1)", lines[0]);
        assertEquals("rank 0 in send(double[1], dest=1, tag=-3): tag -3 is outside 0..1048575", lines[1]);
        assertEquals("rank 0 in send(dest=1, tag=0): buffer is null", lines[2]);
        assertEquals("allreduce(double[], Op.SUM): recvbuf holds 3 elements but sendbuf holds 2", lines[3]);
        assertEquals("rank 0 in allreduce(double[], null): op is null", lines[4]);
        assertEquals("rank 0 in allreduceObject: op is null", lines[5]);
        assertEquals("Op.create: the name is null", lines[6]);
        assertTrue(lines[7].startsWith("rank 0 in sendObject(dest=1, tag=0): cannot serialise java.lang.Thread"), lines[7]);
    }

    @Test
    void aTooSmallOrMistypedReceiveLeavesTheMessageForAMatchingOne() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.send(new double[] {1, 2, 3}, 1, 5);
                return "";
            }
            String small = assertThrows(MpiException.class, () -> comm.recv(new double[2], 0, 5)).getMessage();
            String typed = assertThrows(MpiException.class, () -> comm.recv(new int[3], 0, 5)).getMessage();
            double[] right = new double[3];
            comm.recv(right, 0, 5);
            return small + "\n" + typed + "\n" + java.util.Arrays.toString(right);
        }));
        String[] lines = out.get(1).split("\n");
        assertEquals("rank 1 in recv(double[2], source=0, tag=5) (peer rank 0): the message from rank 0 (tag 5) holds 3 "
                + "double values but the buffer holds only 2; it is left for a larger receive", lines[0]);
        assertEquals("rank 1 in recv(int[3], source=0, tag=5) (peer rank 0): the message from rank 0 (tag 5) holds "
                + "double values, not int; it is left for a matching receive", lines[1]);
        assertEquals("[1.0, 2.0, 3.0]", lines[2]);
    }

    /**
     * A root that refuses its own arguments and returns (catching the error) while its peer waits
     * in the collective: the peer is freed at once by a mismatch naming the root, not by the
     * deadlock watchdog, where the root waits in memory (one JVM) as where it sends (apart).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void aRootThatRefusesItsOwnArgumentsAndReturnsFreesItsPeerNamingIt(ThreadWorld.Placement placement)
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> rootSaw = new java.util.concurrent.atomic.AtomicReference<>();
        ThreadWorld.Result<String> out = ThreadWorld.run(2, placement, RankOptions.DEFAULTS, 60_000, comm -> {
            try {
                comm.scatter(comm.rank() == 0 ? new int[7] : null, new int[3], 0); // 7 is not 2 x 3
            } catch (IllegalArgumentException e) {
                rootSaw.set(e.getMessage());
            }
            return "returned";
        });
        assertEquals("rank 0 in scatter(root=0): sendbuf must hold 6 elements, not 7", rootSaw.get());
        MpiAbortedException root = assertInstanceOf(MpiAbortedException.class, out.outcomes().get(0).error());
        assertEquals(1, root.failedRank(), "the root's end of rank is aborted by its peer's error");
        MpiException peer = assertInstanceOf(MpiException.class, out.outcomes().get(1).error());
        assertEquals(0, peer.peer());
        assertTrue(peer.getMessage().startsWith("rank 1 in scatter(root=0)"), peer.getMessage());
        assertTrue(peer.getMessage().contains("mismatched collective: rank 0 has returned from its function and waits "
                + "at the end of the stage"), peer.getMessage());
    }
}
