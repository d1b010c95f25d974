package org.mpionspark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/** The public local world: results in rank order, a rank's error, a deadlock, bad arguments. */
@Timeout(120)
class LocalWorldTest {

    @Test
    void returnsEachRanksValueInRankOrder() {
        List<Double> sums = LocalWorld.run(4, comm -> {
            double[] v = {comm.rank() + 1.0};
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            return v[0] * 100 + comm.rank();
        });
        assertEquals(List.of(1000.0, 1001.0, 1002.0, 1003.0), sums);
    }

    @Test
    void aRankThatThrowsFailsTheWorldNamingIt() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> LocalWorld.run(3, comm -> {
            if (comm.rank() == 2) {
                throw new IllegalStateException("bad input on rank 2");
            }
            comm.barrier();
            return 0;
        }));
        assertEquals(2, e.failedRank());
        assertEquals(3, e.worldSize());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertEquals("bad input on rank 2", e.getCause().getMessage());
    }

    @Test
    void theCoursesDeadlockTrapEndsAsADeadlock() {
        MpiDeadlockException e = assertThrows(MpiDeadlockException.class, () -> LocalWorld.defaults()
                .deadlockTimeout(Duration.ofMillis(500)).execute(2, comm -> {
                    int[] buf = new int[1];
                    comm.recv(buf, 1 - comm.rank(), 0);
                    return buf[0];
                }));
        assertTrue(e.getMessage().contains("rank 0 blocked in recv(int[1], source=1, tag=0)"), e.getMessage());
    }

    @Test
    void withoutTheMemoryPathRanksTalkThroughMpjExpressAndItsOwnAllreduceWorks() {
        List<Double> sums = LocalWorld.defaults().memoryPath(false).execute(3, comm -> {
            double[] v = {comm.rank() + 1.0};
            comm.allreduce(Communicator.IN_PLACE, v, Op.SUM);
            double[] mpj = new double[1];
            org.mpionspark.bridge.comm.EngineAccess.nativeCollectives(comm).allreduceSum(new double[] {comm.rank()}, mpj);
            return v[0] * 10 + mpj[0];
        });
        assertEquals(List.of(63.0, 63.0, 63.0), sums);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LocalWorld.run(0, comm -> 1));
        assertThrows(IllegalArgumentException.class, () -> LocalWorld.run(2, null));
        assertThrows(IllegalArgumentException.class, () -> LocalWorld.withOpTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> LocalWorld.withOpTimeout(Duration.ofSeconds(-1)));
    }
}
