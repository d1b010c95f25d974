package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Received;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * mpi4py's {@code req = comm.irecv(); data = req.wait()} and {@code isend}, {@code recv} with a
 * status, and MPI's testAll/testAny/waitSome/testSome over requests.
 */
@Timeout(120)
class NonBlockingObjectsAndRequestsTest {

    record Job(int id, List<String> steps) {
    }

    @Test
    void irecvObjectGivesTheObjectAndItsStatusAndIsendObjectSerialisesAtOnce() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                ObjectRequest<Job> a = comm.irecvObject(1, 4);
                ObjectRequest<Map<String, Integer>> b = comm.irecvObject(Communicator.ANY_SOURCE, 5);
                comm.barrier(); // both senders have started
                List<Status> statuses = Request.waitAll(a, b);
                Job job = a.waitForObject();
                return job + " " + b.waitForObject() + " " + statuses.get(0).source() + "/" + statuses.get(0).tag()
                        + " " + statuses.get(1).source() + "/" + statuses.get(1).tag() + " "
                        + (a.testObject().orElseThrow() == job);
            }
            List<String> steps = new ArrayList<>(List.of("load"));
            Request r = comm.rank() == 1 ? comm.isendObject(new Job(7, steps), 0, 4)
                    : comm.isendObject(Map.of("rank", 2), 0, 5);
            steps.add("changed after isendObject"); // the object was serialised already
            comm.barrier();
            Status s = r.waitFor();
            return s.source() + "/" + s.tag();
        }));
        assertEquals("Job[id=7, steps=[load]] {rank=2} 1/4 2/5 true", got.get(0));
        assertEquals(List.of("0/4", "0/5"), got.subList(1, 3));
    }

    @Test
    void recvObjectWithStatusSaysWhoSentItWithWhichTag() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() != 0) {
                comm.sendObject("from " + comm.rank(), 0, 10 + comm.rank());
                return "";
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Received<String> r = comm.recvObjectWithStatus(Communicator.ANY_SOURCE, Communicator.ANY_TAG);
                out.add(r.value() + " tag " + r.status().tag() + " source " + r.status().source()
                        + " bytes>0 " + (r.status().count() > 0));
            }
            return String.join("; ", out.stream().sorted().toList());
        }));
        assertEquals("from 1 tag 11 source 1 bytes>0 true; from 2 tag 12 source 2 bytes>0 true", got.get(0));
    }

    @Test
    void testAllTestAnyWaitSomeAndTestSomeReportCompletedIndices() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 1) {
                int[] go = new int[1];
                comm.recv(go, 0, 99); // rank 0 has tested its requests with nothing sent
                comm.send(new int[] {20}, 0, 2);
                comm.recv(go, 0, 98);
                comm.send(new int[] {0}, 0, 0);
                comm.send(new int[] {10}, 0, 1);
                return "";
            }
            int[][] bufs = new int[3][1];
            Request[] reqs = new Request[3];
            for (int i = 0; i < 3; i++) {
                reqs[i] = comm.irecv(bufs[i], 1, i);
            }
            StringBuilder s = new StringBuilder();
            s.append(Request.testAll(reqs).isPresent()).append(' ')
                    .append(Request.testAny(reqs)).append(' ')
                    .append(Request.testSome(reqs).length).append(" | ");
            comm.send(new int[1], 1, 99);
            int[] some = Request.waitSome(reqs);
            s.append(java.util.Arrays.toString(some)).append(' ').append(bufs[2][0]).append(' ')
                    .append(Request.testAny(reqs)).append(' ').append(Request.testAll(reqs).isPresent()).append(" | ");
            comm.send(new int[1], 1, 98);
            Request.waitAll(reqs);
            Optional<List<Status>> all = Request.testAll(reqs);
            s.append(all.map(l -> l.stream().map(st -> st.tag() + ":" + st.count()).toList()).orElseThrow()).append(' ')
                    .append(java.util.Arrays.toString(Request.testSome(reqs))).append(' ')
                    .append(bufs[0][0] + bufs[1][0] + bufs[2][0]);
            return s.toString();
        }));
        assertEquals("false OptionalInt.empty 0 | [2] 20 OptionalInt[2] false | [0:1, 1:1, 2:1] [0, 1, 2] 30", got.get(0));
    }

    @Test
    void badRequestListsAreRefusedClearly() {
        assertEquals("testAll of no request",
                assertThrows(IllegalArgumentException.class, () -> Request.testAll()).getMessage());
        assertEquals("waitSome: request 0 is null", assertThrows(IllegalArgumentException.class,
                () -> Request.waitSome(new Request[] {null})).getMessage());
        assertEquals("testSome: request 0 is null", assertThrows(IllegalArgumentException.class,
                () -> Request.testSome((Request) null)).getMessage());
        assertEquals("waitAny of no request",
                assertThrows(IllegalArgumentException.class, () -> Request.waitAny()).getMessage());
        assertEquals("waitAll: request 0 is null", assertThrows(IllegalArgumentException.class,
                () -> Request.waitAll(new Request[] {null})).getMessage());
        assertEquals(List.of(), Request.waitAll());
    }
}
