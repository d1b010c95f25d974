package org.mpionspark.bridge.comm;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rank.RankSession;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;

/**
 * Once a world has failed or ended, every call on its communicators fails at once with a clear
 * error: no call reaches MPJ Express, so none can block, whatever the user's code does next.
 */
@Timeout(120)
class DeadWorldTest {

    private static volatile Communicator kept;

    @Test
    void aRankThatCatchesTheAbortAndKeepsSendingFailsAtOnceEveryTime() throws Exception {
        String[] seen = new String[2];
        List<ThreadWorld.Outcome<String>> out = ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 2) {
                throw new IllegalStateException("rank two fails");
            }
            try {
                comm.recv(new int[1], 2, 0);
                return "received?";
            } catch (MpiAbortedException first) {
                List<String> later = new ArrayList<>();
                for (int i = 0; i < 50; i++) { // big messages: each would block in MPJ for a receiver
                    later.add(assertThrows(MpiAbortedException.class,
                            () -> comm.send(new double[1 << 20], 1 - comm.rank(), 1)).getMessage());
                }
                later.add(assertThrows(MpiAbortedException.class, comm::barrier).getMessage());
                later.add(assertThrows(MpiAbortedException.class, () -> comm.split(0, 0)).getMessage());
                seen[comm.rank()] = later.get(0) + "\n" + later.get(51) + "\n" + later.size();
                return "caught"; // the end of the rank then fails too: its world is gone
            }
        });
        for (int r = 0; r < 2; r++) {
            MpiAbortedException end = assertInstanceOf(MpiAbortedException.class, out.get(r).error());
            assertTrue(end.getMessage().startsWith("rank " + r + " in end of rank"), end.getMessage());
            String[] lines = seen[r].split("\n");
            assertEquals("rank " + r + " in send(double[1048576], dest=" + (1 - r) + ", tag=1) (peer rank " + (1 - r)
                    + "): aborted: rank 2 failed: java.lang.IllegalStateException: rank two fails", lines[0]);
            assertTrue(lines[1].startsWith("rank " + r + " in split(color=0, key=0)"), lines[1]);
            assertEquals("52", lines[2]);
        }
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void aCommunicatorKeptPastItsStageFailsAtOnceNamingWhy() throws Exception {
        List<Integer> sizes = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                kept = comm; // a static that outlives the stage
            }
            return comm.size();
        }));
        assertEquals(List.of(2, 2), sizes);
        MpiException send = assertThrows(MpiException.class, () -> kept.send(new int[1], 1, 0));
        assertEquals("rank 0 in send(int[1], dest=1, tag=0) (peer rank 1): rank 0 of 2 (test-world) has ended: its "
                + "communicators cannot be used after its SPMD function returned", send.getMessage());
        MpiException recv = assertThrows(MpiException.class, () -> kept.recv(new int[1], 1, 0));
        assertTrue(recv.getMessage().contains("has ended"), recv.getMessage());
        MpiException bcast = assertThrows(MpiException.class, () -> kept.bcast(new int[1], 0));
        assertTrue(bcast.getMessage().contains("has ended"), bcast.getMessage());
        MpiException allreduce = assertThrows(MpiException.class,
                () -> kept.allreduce(new int[1], new int[1], Op.SUM));
        assertTrue(allreduce.getMessage().contains("has ended"), allreduce.getMessage());
        assertEquals(List.of(), RankThreads.alive());
    }

    @Test
    void aSecondThreadCallingTheRankDuringAWaitGetsAClearErrorAndNoMessageIsLost() throws Exception {
        CompletableFuture<String> helperTried = new CompletableFuture<>();
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 1) {
                helperTried.orTimeout(30, TimeUnit.SECONDS).join();
                comm.send(new int[] {41}, 0, 1);
                comm.send(new int[] {42}, 0, 2);
                return "";
            }
            Thread main = Thread.currentThread();
            Thread helper = new Thread(() -> {
                RankThreads.awaitWaiting(new java.util.concurrent.atomic.AtomicReferenceArray<>(new Thread[] {main}));
                try {
                    comm.recv(new int[1], 1, 2); // while the task thread waits in recv(tag 1)
                    helperTried.complete("no error");
                } catch (MpiException e) {
                    helperTried.complete(e.getMessage());
                }
            }, "user-helper");
            helper.start();
            int[] first = new int[1];
            comm.recv(first, 1, 1);
            try {
                helper.join(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            int[] second = new int[1];
            comm.recv(second, 1, 2); // the message the helper could not take is still there
            return first[0] + "," + second[0] + "|" + main.getName();
        }));
        String[] parts = out.get(0).split("\\|");
        assertEquals("41,42", parts[0]);
        assertEquals("rank 0 in recv(int[1], source=1, tag=2): thread 'user-helper' called the rank while "
                + "thread '" + parts[1] + "' is in recv(int[1], source=1, tag=1): a rank's communicators may be used by "
                + "one thread at a time", helperTried.get());
    }

    @Test
    void anInterruptedRankThreadDoesNotBreakTheWorldsConnections() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                Thread.currentThread().interrupt(); // a user's leftover interrupt flag
            }
            double[] v = new double[1 << 18]; // above the eager limit: MPJ writes from the calling thread
            java.util.Arrays.fill(v, comm.rank());
            comm.allreduce(v, v, Op.SUM);
            boolean stillInterrupted = Thread.currentThread().isInterrupted();
            Thread.interrupted();
            int[] token = {comm.rank()};
            comm.sendrecvReplace(token, (comm.rank() + 1) % 3, 0, (comm.rank() + 2) % 3, 0);
            return v[0] + "," + v[v.length - 1] + "," + token[0] + "," + stillInterrupted;
        }));
        assertEquals(List.of("3.0,3.0,2,true", "3.0,3.0,0,false", "3.0,3.0,1,false"), out);
    }

    /**
     * A rank that returns with its interrupt flag set still finalizes with its peers: were it to
     * give up its closing handshake (and say so in the log), its peer could wait the whole finalize
     * timeout (ten minutes here, past this class's bound).
     */
    @Test
    void aRankReturningWithItsInterruptFlagSetEndsInStepWithItsPeers() throws Exception {
        RankOptions longFinalize = new RankOptions(RankOptions.DEFAULTS.opTimeoutMillis(), 600_000,
                RankOptions.DEFAULTS.protocolSwitchLimit(), null, List.of());
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(RankSession.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            List<String> out = ThreadWorld.values(ThreadWorld.run(2, ThreadWorld.Placement.EACH_APART, longFinalize,
                    comm -> {
                        int[] v = {comm.rank() + 1};
                        comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
                        if (comm.rank() == 0) {
                            Thread.currentThread().interrupt(); // returns with the flag set
                        }
                        return "sum " + v[0];
                    }));
            assertEquals(List.of("sum 3", "sum 3"), out);
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(List.of(), warnings.stream().filter(w -> w.contains("MPI_Finalize did not end cleanly")).toList());
    }
}
