package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * {@code Request.cancel()} ({@code MPI_Cancel}) withdraws a receive no message has matched: it
 * completes at once as cancelled and the message goes to a later receive, in memory and between
 * JVMs; a completed receive, a send, a non-blocking collective and {@code PROC_NULL} are not cancelled.
 */
@Timeout(120)
class CancelledReceivesTest {

    private static final Status CANCELLED = new Status(Communicator.ANY_SOURCE, Communicator.ANY_TAG, 0, true);

    /** What each rank saw, as text, so one assertion shows every difference. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART", "INTERLEAVED"})
    void aCancelledReceiveTakesNoMessageAndTheNextReceiveGetsIt(ThreadWorld.Placement placement) throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(4, placement, RankOptions.DEFAULTS, comm -> {
            int n = comm.size();
            int from = (comm.rank() + 1) % n;
            int to = (comm.rank() + n - 1) % n;
            int[] cancelledBuf = {-1};
            Request byRank = comm.irecv(cancelledBuf, from, 5);
            Request any = comm.irecv(new int[1], Communicator.ANY_SOURCE, Communicator.ANY_TAG);
            ObjectRequest<String> object = comm.irecvObject(from, 6);
            StringBuilder seen = new StringBuilder();
            seen.append(byRank.cancel()).append(any.cancel()).append(object.cancel()).append(byRank.cancel());
            seen.append(' ').append(byRank.waitFor().equals(CANCELLED)).append(any.test().equals(Optional.of(CANCELLED)))
                    .append(object.waitForObject()).append(object.testObject().isPresent())
                    .append(object.waitFor().cancelled());
            comm.barrier(); // only now is anything sent: the cancelled receives are long withdrawn
            comm.send(new int[] {100 + comm.rank()}, to, 5);
            comm.sendObject("from " + comm.rank(), to, 6);
            int[] got = new int[1];
            Status s = comm.recv(got, Communicator.ANY_SOURCE, Communicator.ANY_TAG);
            String obj = comm.recvObject(from, 6);
            seen.append(' ').append(got[0]).append(' ').append(s).append(' ').append(obj).append(' ')
                    .append(cancelledBuf[0]);
            return seen.toString();
        }));
        for (int r = 0; r < 4; r++) {
            int from = (r + 1) % 4;
            assertEquals("truetruetruetrue truetruenullfalsetrue " + (100 + from) + " Status[source=" + from
                    + ", tag=5, count=1] from " + from + " -1", out.get(r), "rank " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void completedReceivesSendsCollectivesAndProcNullAreNotCancelled(ThreadWorld.Placement placement)
            throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, placement, RankOptions.DEFAULTS, comm -> {
            int other = 1 - comm.rank();
            int[] got = new int[1];
            Request recv = comm.irecv(got, other, 1);
            Request send = comm.isend(new int[] {7 + comm.rank()}, other, 1);
            Status received = recv.waitFor();
            Request barrier = comm.ibarrier();
            Request nothing = comm.irecv(new int[1], Communicator.PROC_NULL, 0);
            String seen = recv.cancel() + " " + send.cancel() + " " + barrier.cancel() + " " + nothing.cancel();
            Status sent = send.waitFor();
            barrier.waitFor();
            return seen + " " + got[0] + " " + received + " " + recv.waitFor().cancelled() + sent.cancelled();
        }));
        assertEquals(List.of("false false false false 8 Status[source=1, tag=1, count=1] falsefalse",
                "false false false false 7 Status[source=0, tag=1, count=1] falsefalse"), out);
    }

    @Test
    void waitAnyReturnsACancelledRequestAsCompleted() throws Exception {
        List<Integer> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            Request never = comm.irecv(new int[1], 1 - comm.rank(), 3);
            Request cancelled = comm.irecv(new int[1], 1 - comm.rank(), 4);
            assertTrue(cancelled.cancel());
            int first = Request.waitAny(never, cancelled);
            assertArrayEqualsInts(new int[] {1}, Request.waitSome(never, cancelled));
            assertTrue(never.cancel());
            assertTrue(Request.testAll(never, cancelled).orElseThrow().stream().allMatch(Status::cancelled));
            return first;
        }));
        assertEquals(List.of(1, 1), out);
    }

    private static void assertArrayEqualsInts(int[] expected, int[] actual) {
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    }
}
