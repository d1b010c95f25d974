package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Status;

@Timeout(120)
class PointToPointTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadWorld.Placement.class)
    void arraysAndObjectsTravelBetweenThreadRanks(ThreadWorld.Placement placement) throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, placement, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.send(new double[] {1.5, 2.5, 3.5}, 1, 7);
                comm.send(new int[] {4, 5}, 2, 8);
                comm.sendObject(Map.of("a", 7, "b", 3.14), 2, 9);
                long[] back = new long[4];
                Status s = comm.recv(back, 1, 10);
                return s + " " + java.util.Arrays.toString(back);
            } else if (comm.rank() == 1) {
                double[] d = new double[5];
                Status s = comm.recv(d, 0, 7);
                assertArrayEquals(new double[] {1.5, 2.5, 3.5, 0, 0}, d);
                comm.send(new long[] {Long.MAX_VALUE, -1}, 0, 10);
                return s.toString();
            } else {
                int[] i = new int[2];
                comm.recv(i, 0, 8);
                Map<String, Object> m = comm.recvObject(0, 9);
                return java.util.Arrays.toString(i) + " " + m.get("a") + " " + m.get("b");
            }
        }));
        assertEquals("Status[source=1, tag=10, count=2] [9223372036854775807, -1, 0, 0]", got.get(0));
        assertEquals("Status[source=0, tag=7, count=3]", got.get(1));
        assertEquals("[4, 5] 7 3.14", got.get(2));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ThreadWorld.Placement.class, names = {"ONE_JVM", "EACH_APART"})
    void aHaloExchangeSendsAndReceivesSlicesOfOneArray(ThreadWorld.Placement placement) throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, placement, RankOptions.DEFAULTS, comm -> {
            int r = comm.rank();
            int left = (r + 2) % 3;
            int right = (r + 1) % 3;
            // ghost, three cells of this rank, ghost
            int[] row = {-1, 10 * r + 1, 10 * r + 2, 10 * r + 3, -1};
            comm.sendrecv(row, 1, 1, left, 0, row, 4, 1, right, 0);   // first cell left, right ghost from the right
            comm.sendrecv(row, 3, 1, right, 1, row, 0, 1, left, 1);   // last cell right, left ghost from the left
            List<org.mpionspark.mpi.Request> reqs = List.of(comm.isend(new int[] {r}, right, 2),
                    comm.irecv(new int[1], left, 2));
            List<Status> statuses = org.mpionspark.mpi.Request.waitAll(reqs);
            return java.util.Arrays.toString(row) + " from " + statuses.get(1).source();
        }));
        assertEquals(List.of("[23, 1, 2, 3, 11] from 2", "[3, 11, 12, 13, 21] from 0", "[13, 21, 22, 23, 1] from 1"),
                got);
    }
}
