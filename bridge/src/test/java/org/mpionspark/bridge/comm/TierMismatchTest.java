package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Request;

/**
 * A receive of one tier never takes a message of the other: it fails naming the tier to use, and
 * the message stays for a receive that fits, whether it waited queued or arrived on a posted
 * receive, in memory or from another JVM (ranks 1 and 3 are in another JVM than rank 0 where
 * placed apart or interleaved; rank 2 shares rank 0's when interleaved).
 */
@Timeout(120)
class TierMismatchTest {

    private static final String OBJECT = "an object message (sent by sendObject, ";
    private static final String USE_RECV_OBJECT = " serialised), not an array of byte values: receive it with "
            + "recvObject(...); it is left for a matching receive";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART", "INTERLEAVED"})
    void eachTierRefusesTheOthersMessageAndLeavesIt(ThreadWorld.Placement placement) throws Exception {
        List<List<String>> out = ThreadWorld.values(ThreadWorld.run(4, placement, RankOptions.DEFAULTS, comm -> {
            List<String> seen = new ArrayList<>();
            if (comm.rank() == 0) {
                comm.barrier(); // after the others posted their receives of tag 7
                for (int r = 1; r < comm.size(); r++) {
                    comm.sendObject(List.of("hello", r), r, 5);
                    comm.send(new byte[] {1, 2, 3}, r, 6);
                    comm.sendObject("posted " + r, r, 7);
                }
                return seen;
            }
            Request early = comm.irecv(new byte[64], 0, 7); // the object arrives onto this posted receive
            comm.barrier();
            int size = comm.probe(0, 5).count(); // the object is queued before the array receive asks
            seen.add(Integer.toString(size));
            seen.add(assertThrows(MpiException.class, () -> comm.recv(new byte[64], 0, 5)).getMessage());
            seen.add(assertThrows(MpiException.class, () -> comm.irecv(new byte[64], 0, 5).waitFor()).getMessage());
            seen.add(comm.recvObject(0, 5).toString());
            comm.probe(0, 6);
            seen.add(assertThrows(MpiException.class, () -> comm.recvObject(0, 6)).getMessage());
            byte[] bytes = new byte[3];
            comm.recv(bytes, 0, 6);
            seen.add(java.util.Arrays.toString(bytes));
            seen.add(assertThrows(MpiException.class, early::waitFor).getMessage());
            seen.add(comm.recvObject(0, 7));
            return seen;
        }));
        for (int r = 1; r < 4; r++) {
            List<String> seen = out.get(r);
            String size = seen.get(0);
            String head = "rank " + r + " in recv(byte[64], source=0, tag=5) (peer rank 0): the message from rank 0 "
                    + "(tag 5) is ";
            assertEquals(head + OBJECT + size + " bytes" + USE_RECV_OBJECT, seen.get(1));
            assertEquals(head + OBJECT + size + " bytes" + USE_RECV_OBJECT, seen.get(2));
            assertEquals("[hello, " + r + "]", seen.get(3));
            assertEquals("rank " + r + " in recvObject(source=0, tag=6) (peer rank 0): the message from rank 0 (tag 6) "
                    + "is an array of byte values, not an object: receive it with recv(...)", seen.get(4));
            assertEquals("[1, 2, 3]", seen.get(5));
            assertEquals(true, seen.get(6).startsWith("rank " + r + " in recv(byte[64], source=0, tag=7) (peer rank 0): "
                    + "the message from rank 0 (tag 7) is " + OBJECT), seen.get(6));
            assertEquals(true, seen.get(6).endsWith(USE_RECV_OBJECT), seen.get(6));
            assertEquals("posted " + r, seen.get(7));
        }
    }

    /** The object tier's point-to-point forms still meet each other, PROC_NULL and wildcards included. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void objectsStillTravelEveryWay(ThreadWorld.Placement placement) throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, placement, RankOptions.DEFAULTS, comm -> {
            int other = 1 - comm.rank();
            String got = comm.sendrecvObject("from " + comm.rank(), other, 1, other, 1);
            Request s = comm.isendObject(new int[] {comm.rank()}, other, 2);
            int[] back = comm.<int[]>irecvObject(Communicator.ANY_SOURCE, Communicator.ANY_TAG).waitForObject();
            s.waitFor();
            comm.sendObject("nothing", Communicator.PROC_NULL, 3);
            return got + " " + back[0];
        }));
        assertEquals(List.of("from 1 1", "from 0 0"), out);
    }
}
