package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * A receive with a source and a tag, posted before its message, waits in the transport too, so
 * the message lands straight in its buffer; MPI's rules hold around it: a cancel withdraws it, a
 * message too long or of another type fails it and stays for a receive that fits, and a receive
 * posted earlier that could take the same messages gets them first.
 */
@Timeout(120)
class PrepostedReceivesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "INTERLEAVED"})
    void mpisRulesHoldAroundReceivesPostedBeforeTheirMessages(ThreadWorld.Placement placement) throws Exception {
        int n = 100_000; // a long message: several of a lane's chunks, and no eager copy in memory
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, placement, RankOptions.DEFAULTS, comm -> {
            double[] v = new double[n];
            java.util.Arrays.setAll(v, i -> i + 0.25);
            if (comm.rank() == 0) {
                comm.barrier(); // rank 1 has posted its receives
                comm.send(v, 1, 1);      // to the cancelled receive's successor
                comm.send(v, 1, 2);      // too long for the first receive of tag 2
                comm.send(new double[] {7}, 1, 3); // doubles, for an int receive of tag 3
                comm.send(new int[] {5}, 1, 4);    // to the wildcard receive posted before tag 4's own
                comm.send(new int[] {6}, 1, 4);
                return "sent";
            }
            double[] first = new double[n];
            Request cancelled = comm.irecv(first, 0, 1);
            boolean withdrew = cancelled.cancel();
            double[] successor = new double[n];
            Request one = comm.irecv(successor, 0, 1);
            Request tooShort = comm.irecv(new double[n - 1], 0, 2);
            Request ints = comm.irecv(new int[1], 0, 3);
            int[] any = new int[1];
            int[] own = new int[1];
            Request wildcard = comm.irecv(any, Communicator.ANY_SOURCE, 4);
            Request exact = comm.irecv(own, 0, 4);
            comm.barrier();
            Status s1 = one.waitFor();
            String shortSaw = error(tooShort);
            String intsSaw = error(ints);
            double[] whole = new double[n];
            Status s2 = comm.recv(whole, 0, 2); // the long message stayed for a receive that fits
            double[] seven = new double[1];
            comm.recv(seven, 0, 3);
            wildcard.waitFor();
            exact.waitFor();
            return withdrew + " " + (java.util.Arrays.equals(v, successor) && java.util.Arrays.equals(v, whole))
                    + " " + s1.source() + "/" + s1.tag() + "/" + s1.count() + " " + s2.count()
                    + " | " + shortSaw + " | " + intsSaw + " | " + seven[0] + " " + any[0] + " " + own[0];
        }));
        assertEquals("sent", got.get(0));
        assertEquals("true true 0/1/" + n + " " + n
                + " | rank 1 in recv(double[" + (n - 1) + "], source=0, tag=2) (peer rank 0): the message from rank 0 (tag 2) holds "
                + n + " double values but the buffer holds only " + (n - 1) + "; it is left for a larger receive"
                + " | rank 1 in recv(int[1], source=0, tag=3) (peer rank 0): the message from rank 0 (tag 3) holds double values, "
                + "not int; it is left for a matching receive"
                + " | 7.0 5 6", got.get(1));
    }

    private static String error(Request r) {
        try {
            r.waitFor();
            return "no error";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
