package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.CartCommunicator;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Status;

/** Cartesian grids: coordinates, shifts with PROC_NULL at the edges, a halo exchange, sub-grids. */
@Timeout(120)
class CartesianTest {

    @Test
    void dimsCreateBalancesTheRanksOverTheDimensions() {
        assertArrayEquals(new int[] {4, 3}, Communicator.dimsCreate(12, 2));
        assertArrayEquals(new int[] {4, 4}, Communicator.dimsCreate(16, 2));
        assertArrayEquals(new int[] {3, 2, 1}, Communicator.dimsCreate(6, 3));
        assertArrayEquals(new int[] {7, 1}, Communicator.dimsCreate(7, 2));
        assertArrayEquals(new int[] {9, 8}, Communicator.dimsCreate(72, 2)); // as MPICH: the least spread
        assertArrayEquals(new int[] {5, 4, 3}, Communicator.dimsCreate(60, 3));
        assertArrayEquals(new int[] {4, 2, 3}, Communicator.dimsCreate(24, new int[] {0, 2, 0})); // fixed dims kept
        assertArrayEquals(new int[] {2, 3}, Communicator.dimsCreate(6, new int[] {2, 3}));
        assertEquals("dimsCreate: 10 ranks do not fill the fixed dimensions [3, 0] (their product 3 must divide 10)",
                assertThrows(IllegalArgumentException.class, () -> Communicator.dimsCreate(10, new int[] {3, 0}))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Communicator.dimsCreate(6, new int[] {-1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Communicator.dimsCreate(0, 2));
    }

    @Test
    void aHaloExchangeOnATwoByThreeGridGetsEachNeighboursValueAndNothingPastTheEdges() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(6, RankOptions.DEFAULTS, world -> {
            CartCommunicator grid = world.createCart(new int[] {2, 3}, new boolean[] {false, true});
            int[] c = grid.coords(grid.rank());
            StringBuilder s = new StringBuilder(grid.rank() + "@" + c[0] + "," + c[1]);
            for (int dim = 0; dim < 2; dim++) {
                int[] sd = grid.shift(dim, 1);
                int[] fromBack = {-1};
                Status st = grid.sendrecv(new int[] {grid.rank()}, sd[1], 5, fromBack, sd[0], 5);
                s.append(" d").append(dim).append(":").append(sd[0]).append("/").append(sd[1]).append("=")
                        .append(fromBack[0]).append(st.source() == Communicator.PROC_NULL ? "(null)" : "");
            }
            CartCommunicator row = grid.sub(new boolean[] {false, true});
            int[] sum = {grid.rank()};
            row.allreduce(Communicator.IN_PLACE, sum, Op.SUM);
            s.append(" row ").append(row.rank()).append("/").append(row.size()).append(" sum ").append(sum[0]);
            s.append(" back ").append(grid.cartRank(new int[] {c[0], c[1] + 3}));
            CartCommunicator alone = grid.sub(new boolean[] {false, false}); // a 0-dimensional grid, as in MPI
            s.append(" alone ").append(alone.size()).append("/").append(alone.dims().length)
                    .append(" at ").append(alone.cartRank(new int[0]));
            return s.toString();
        }));
        assertEquals(List.of(
                "0@0,0 d0:-2/3=-1(null) d1:2/1=2 row 0/3 sum 3 back 0 alone 1/0 at 0",
                "1@0,1 d0:-2/4=-1(null) d1:0/2=0 row 1/3 sum 3 back 1 alone 1/0 at 0",
                "2@0,2 d0:-2/5=-1(null) d1:1/0=1 row 2/3 sum 3 back 2 alone 1/0 at 0",
                "3@1,0 d0:0/-2=0 d1:5/4=5 row 0/3 sum 12 back 3 alone 1/0 at 0",
                "4@1,1 d0:1/-2=1 d1:3/5=3 row 1/3 sum 12 back 4 alone 1/0 at 0",
                "5@1,2 d0:2/-2=2 d1:4/3=4 row 2/3 sum 12 back 5 alone 1/0 at 0"), out);
    }

    @Test
    void ranksLeftOutOfTheGridGetNullAndBadGridsAreRefused() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(5, RankOptions.DEFAULTS, world -> {
            CartCommunicator grid = world.createCart(new int[] {2, 2}, new boolean[] {true, true});
            String big = assertThrows(IllegalArgumentException.class,
                    () -> world.createCart(new int[] {3, 2}, new boolean[] {false, false})).getMessage();
            String zero = assertThrows(IllegalArgumentException.class,
                    () -> world.createCart(new int[] {0, 2}, new boolean[] {false, false})).getMessage();
            String outside = grid == null ? "-" : assertThrows(IllegalArgumentException.class,
                    () -> grid.createCart(new int[] {4}, new boolean[] {false}).cartRank(new int[] {4})).getMessage();
            return (grid == null ? "null" : grid.size() + "") + "|" + big + "|" + zero + "|" + outside;
        }));
        assertEquals("4|rank 0 in createCart([3, 2], [false, false]): a grid of 6 ranks [3, 2] does not fit in a "
                + "communicator of 5|rank 0 in createCart([0, 2], [false, false]): every dimension needs at least 1 "
                + "rank, not [0, 2]|rank 0 in cartRank([4]): coordinates outside the grid [4] in a dimension that does "
                + "not wrap", out.get(0));
        assertEquals("null", out.get(4).split("\\|")[0]);
    }

    @Test
    void sendsToAndReceivesFromProcNullCompleteAtOnceAndMoveNothing() throws Exception {
        List<String> out = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            double[] buf = {7};
            comm.send(new double[] {1}, Communicator.PROC_NULL, 0);
            Status s = comm.recv(buf, Communicator.PROC_NULL, 0);
            Object o = comm.recvObject(Communicator.PROC_NULL, 3);
            comm.sendObject("nobody", Communicator.PROC_NULL, 3);
            return buf[0] + " " + s + " " + o + " " + comm.probe(Communicator.PROC_NULL, 1).count();
        }));
        assertEquals("7.0 Status[source=-2, tag=-1, count=0] null 0", out.get(0));
    }
}
