package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * Who reads the lanes: the rank that waits reads them itself, but what arrives for a rank that
 * computes is still drained (a send larger than the connection's buffers completes before its
 * receiver asks for it), a rank that only polls sees what arrived, and the ranks of a JVM that
 * wait together each get their own messages whichever of them reads.
 */
@Timeout(120)
class LaneReadingTest {

    /** 32 MB, more than any socket's buffers: the sender returns only once the other JVM has read it all. */
    @Test
    void aLongSendToARankThatComputesCompletesBeforeItReceives() throws Exception {
        int n = 4 << 20;
        CountDownLatch sent = new CountDownLatch(1);
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(2, 2, true, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                double[] v = new double[n];
                java.util.Arrays.setAll(v, i -> i);
                comm.send(v, 1, 3);
                sent.countDown();
                return "sent";
            }
            try { // rank 1 computes, outside any MPI call, until the send has returned
                if (!sent.await(60, TimeUnit.SECONDS)) {
                    return "the send did not return while its receiver computed";
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            double[] in = new double[n];
            Status st = comm.recv(in, 0, 3);
            return st.count() + " " + in[1] + " " + in[n - 1];
        }));
        assertEquals(List.of("sent", n + " 1.0 " + (n - 1) + ".0"), got);
    }

    /** A rank that never blocks, only tests its request or probes between pieces of work, gets its messages. */
    @Test
    void aRankThatOnlyPollsSeesWhatArrived() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(2, 2, true, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.send(new int[] {42, 43}, 1, 5);
                comm.send(new int[] {44}, 1, 6);
                return "sent";
            }
            int[] in = new int[2];
            Request r = comm.irecv(in, 0, 5);
            while (r.test().isEmpty()) {
                Thread.onSpinWait();
            }
            java.util.Optional<Status> probed;
            while ((probed = comm.iprobe(0, 6)).isEmpty()) {
                Thread.onSpinWait();
            }
            int[] next = new int[1];
            comm.recv(next, 0, 6);
            return in[0] + "," + in[1] + "," + next[0] + " (" + probed.get().count() + ")";
        }));
        assertEquals(List.of("sent", "42,43,44 (1)"), got);
    }

    /**
     * Three ranks of one JVM wait at once for messages from the other JVM, sent in the reverse
     * order of their waits: whichever of them reads the lanes, each gets its own, with its tag.
     */
    @Test
    void ranksOfAJvmThatWaitTogetherEachGetTheirOwn() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(6, 2, true, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 1) { // the other JVM: ranks 1, 3, 5
                comm.barrier();
                for (int round = 0; round < 200; round++) {
                    for (int to = 4; to >= 0; to -= 2) {
                        comm.send(new int[] {to * 1000 + round}, to, round);
                    }
                }
                return "sent";
            }
            comm.barrier();
            if (comm.rank() % 2 == 1) {
                return "idle";
            }
            int[] in = new int[1];
            for (int round = 0; round < 200; round++) {
                Status st = comm.recv(in, 1, Communicator.ANY_TAG);
                if (st.tag() != round || in[0] != comm.rank() * 1000 + round) {
                    return "round " + round + ": tag " + st.tag() + ", value " + in[0];
                }
            }
            return "200 in order";
        }));
        assertEquals(List.of("200 in order", "sent", "200 in order", "idle", "200 in order", "idle"), got);
    }
}
