package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Group;
import org.mpionspark.mpi.Op;

/** split, dup, groups and create: the course's even/odd example and the isolation of contexts. */
@Timeout(120)
class CommunicatorsTest {

    @Test
    void theCoursesEvenOddGroups() throws Exception {
        // the course: grp.Excl([0,2]) -> odd, grp.Excl([1,3]) -> even, Create_group on each
        List<String> out = ThreadWorld.values(ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            Group grp = comm.group();
            Communicator odd = comm.create(grp.excl(0, 2));
            Communicator even = comm.create(grp.excl(1, 3));
            if (comm.rank() % 2 != 0) {
                return "odd " + odd.rank() + " of " + odd.size() + (even == null ? "" : "?");
            }
            return "even " + even.rank() + " of " + even.size() + (odd == null ? "" : "?");
        }));
        assertEquals(List.of("even 0 of 2", "odd 0 of 2", "even 1 of 2", "odd 1 of 2"), out);
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 3, 5, 8})
    void splitOrdersByKeyAndRunsCollectivesInEachPart(int p) throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(p, RankOptions.DEFAULTS, comm -> {
            // color by parity, key reversed: the highest rank here becomes rank 0 there
            Communicator part = comm.split(comm.rank() % 2, -comm.rank());
            int[] sum = {comm.rank()};
            part.allreduce(Communicator.IN_PLACE, sum, Op.SUM);
            List<Integer> members = part.allgatherObject(comm.rank());
            Communicator none = comm.split(comm.rank() == 0 ? Group.UNDEFINED : 1, 0);
            return part.rank() + "/" + part.size() + " " + sum[0] + " " + members + " " + (none == null);
        }));
        for (int r = 0; r < p; r++) {
            int color = r % 2;
            List<Integer> members = new java.util.ArrayList<>();
            for (int i = p - 1; i >= 0; i--) {
                if (i % 2 == color) {
                    members.add(i);
                }
            }
            int sum = members.stream().mapToInt(Integer::intValue).sum();
            assertEquals(members.indexOf(r) + "/" + members.size() + " " + sum + " " + members + " " + (r == 0),
                    out.get(r));
        }
    }

    @Test
    void aDupNeverMatchesTheParentsMessages() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            Communicator dup = comm.dup();
            if (comm.rank() == 0) {
                comm.send(new int[] {1}, 1, 7);   // on the world
                dup.send(new int[] {2}, 1, 7);    // same tag, on the dup
                return "";
            }
            int[] fromDup = new int[1];
            org.mpionspark.mpi.Status s = dup.recv(fromDup, Communicator.ANY_SOURCE, Communicator.ANY_TAG);
            int[] fromWorld = new int[1];
            comm.recv(fromWorld, 0, 7);
            return fromDup[0] + "," + fromWorld[0] + " " + s;
        }));
        assertEquals("2,1 Status[source=0, tag=7, count=1]", out.get(1));
    }

    @Test
    void groupAlgebraAndRankTranslation() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(5, RankOptions.DEFAULTS, comm -> {
            Group all = comm.group();
            Group a = all.incl(4, 2, 0);
            Group b = all.excl(0, 1);
            String s = a + " " + b + " " + a.union(b) + " " + a.intersection(b) + " " + a.difference(b) + " "
                    + java.util.Arrays.toString(a.translateRanks(new int[] {0, 1, 2}, b)) + " " + a.rank();
            Communicator c = comm.create(a);
            if (c != null) {
                int[] v = {comm.rank()};
                c.bcast(v, 0); // rank 0 of c is world rank 4
                s += " bcast " + v[0] + " rank " + c.rank();
            }
            return s;
        }));
        String common = "Group[4, 2, 0] Group[2, 3, 4] Group[4, 2, 0, 3] Group[4, 2] Group[0] [2, 0, "
                + Group.UNDEFINED + "] ";
        assertEquals(common + "2 bcast 4 rank 2", out.get(0));
        assertEquals(common + Group.UNDEFINED, out.get(1));
        assertEquals(common + "1 bcast 4 rank 1", out.get(2));
        assertEquals(common + "0 bcast 4 rank 0", out.get(4));
        assertArrayEquals(new int[] {4, 2, 0}, new Group(new int[] {4, 2, 0}, 0).worldRanks());
    }
}
