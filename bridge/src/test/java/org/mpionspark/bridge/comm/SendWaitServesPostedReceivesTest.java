package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * A rank waiting on its own send still serves the receives it posted: else a send to itself, or
 * an exchange past the eager limit (128 KB) waited send-first, waited for ever.
 */
@Timeout(120)
class SendWaitServesPostedReceivesTest {

    private static final RankOptions OPTIONS = RankOptions.DEFAULTS.withOpTimeoutMillis(20_000);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadWorld.Placement.class)
    void aSendToItselfCompletesWhenWaitedBeforeItsReceive(ThreadWorld.Placement placement) throws Exception {
        for (int size : new int[] {0, 10, 200_000}) {
            List<Integer> got = ThreadWorld.values(ThreadWorld.run(2, placement, OPTIONS, comm -> {
                byte[] in = new byte[size];
                Request r = comm.irecv(in, comm.rank(), 4);
                Request s = comm.isend(filled(size, comm.rank()), comm.rank(), 4);
                List<Status> st = Request.waitAll(s, r);
                assertArrayEquals(filled(size, comm.rank()), in);
                return st.get(1).count();
            }));
            assertEquals(List.of(size, size), got, "size " + size);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadWorld.Placement.class)
    void aLargeExchangeWaitedSendFirstCompletes(ThreadWorld.Placement placement) throws Exception {
        int size = 1 << 20;
        List<Byte> got = ThreadWorld.values(ThreadWorld.run(2, placement, OPTIONS, comm -> {
            int peer = 1 - comm.rank();
            byte[] in = new byte[size];
            Request r = comm.irecv(in, peer, 0);
            Request s = comm.isend(filled(size, comm.rank()), peer, 0);
            Request.waitAll(s, r);
            assertArrayEquals(filled(size, peer), in);
            return in[size - 1];
        }));
        assertEquals(List.of(filled(size, 1)[size - 1], filled(size, 0)[size - 1]), got);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadWorld.Placement.class)
    void aRingOfLargeBlockingSendsAfterPostedReceivesCompletes(ThreadWorld.Placement placement) throws Exception {
        int size = 512 * 1024;
        List<Integer> got = ThreadWorld.values(ThreadWorld.run(4, placement, OPTIONS, comm -> {
            int right = (comm.rank() + 1) % comm.size();
            int left = (comm.rank() + comm.size() - 1) % comm.size();
            byte[] in = new byte[size];
            Request r = comm.irecv(in, left, 1);
            comm.send(filled(size, comm.rank()), right, 1);
            r.waitFor();
            assertArrayEquals(filled(size, left), in);
            return left;
        }));
        assertEquals(List.of(3, 0, 1, 2), got);
    }

    private static byte[] filled(int size, int rank) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) (rank + 1));
        if (size > 0) {
            b[size - 1] = (byte) (rank * 7 + 3);
        }
        return b;
    }
}
