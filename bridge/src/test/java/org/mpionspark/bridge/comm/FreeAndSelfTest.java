package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import org.mpionspark.mpi.Status;

/** {@code MPI_Comm_free} on sub-communicators (refused on the world and self) and {@code MPI_COMM_SELF}. */
@Timeout(120)
class FreeAndSelfTest {

    @Test
    void aFreedCommunicatorRefusesEveryLaterCallAndTheWorldGoesOn() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(4, RankOptions.DEFAULTS, comm -> {
            Communicator half = comm.split(comm.rank() % 2, comm.rank());
            int[] v = {comm.rank()};
            half.allreduce(v, v, Op.SUM);
            half.free();
            String send = assertThrows(MpiException.class, () -> half.send(new int[1], 0, 0)).getMessage();
            String bcast = assertThrows(MpiException.class, () -> half.bcastObject("x", 0)).getMessage();
            String again = assertThrows(MpiException.class, half::free).getMessage();
            String world = assertThrows(MpiException.class, comm::free).getMessage();
            int[] w = {1};
            comm.allreduce(w, w, Op.SUM); // the world is untouched
            return v[0] + " " + w[0] + "\n" + send + "\n" + bcast + "\n" + again + "\n" + world;
        }));
        String[] r1 = got.get(1).split("\n");
        assertEquals("4 4", r1[0]); // ranks 1 and 3
        assertEquals("rank 0 in send(): this communicator (2 ranks, context 1) was freed: it cannot be used any more",
                r1[1]);
        assertEquals("rank 0 in bcastObject(): this communicator (2 ranks, context 1) was freed: it cannot be used "
                + "any more", r1[2]);
        assertEquals("rank 0 in free(): this communicator (2 ranks, context 1) was freed: it cannot be used any more",
                r1[3]);
        assertEquals("rank 1 in free(): the world communicator cannot be freed; only those made by split, dup or "
                + "create can", r1[4]);
        assertEquals("2 4", got.get(0).split("\n")[0]);
    }

    @Test
    void selfIsOneRankWhereCollectivesReturnItsOwnDataAndItCanMessageItself() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            Communicator self = comm.self();
            assertSame(self, comm.self());
            double[] d = {comm.rank() + 0.5, 2};
            double[] sum = new double[2];
            self.allreduce(d, sum, Op.SUM);
            self.barrier();
            int[] b = {comm.rank() * 7};
            self.bcast(b, 0);
            int[] gathered = new int[1];
            self.gather(new int[] {comm.rank()}, gathered, 0);
            List<String> all = self.allgatherObject("r" + comm.rank());
            self.sendObject(List.of(comm.rank(), 9), 0, 3);
            List<Integer> back = self.recvObject(0, 3);
            int[] echo = new int[2];
            org.mpionspark.mpi.Request toSelf = self.isend(new int[] {5, 6}, 0, 1);
            assertEquals(new Status(0, 1, 2), self.recv(echo, 0, 1));
            toSelf.waitFor();
            String freeSelf = assertThrows(MpiException.class, self::free).getMessage();
            int[] w = {1};
            comm.allreduce(w, w, Op.SUM); // contexts still agree across ranks after self() took one here
            Communicator dup = comm.dup();
            dup.allreduce(w, w, Op.SUM);
            return self.rank() + "/" + self.size() + " " + sum[0] + "," + sum[1] + " " + b[0] + " " + gathered[0]
                    + " " + all + " " + back + " " + echo[0] + echo[1] + " " + w[0] + " | " + freeSelf;
        }));
        assertEquals("0/1 1.5,2.0 7 1 [r1] [1, 9] 56 9 | rank 0 in free(): the communicator of self() cannot be "
                + "freed; only those made by split, dup or create can", got.get(1));
        assertEquals("0/1 2.5,2.0 14 2 [r2] [2, 9] 56 9", got.get(2).split(" \\| ")[0]);
    }
}
