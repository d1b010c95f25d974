package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/** The course's blocking-order traps fail within seconds naming each rank's call; each fix swaps the data. */
@Timeout(120)
class DeadlockAndFixesTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(new SparkConf().setMaster("local[4]").setAppName("deadlock and fixes")
                .set("spark.ui.enabled", "false")
                .set("spark.mpi.deadlock.timeout", DeadlockAndFixes.DEADLOCK_TIMEOUT));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.close();
    }

    @Test
    void bothRanksReceivingFirstIsADeadlockNamingEachRanksCall() {
        long t0 = System.nanoTime();
        MpiDeadlockException e = DeadlockAndFixes.trap(mpi, 4, DeadlockAndFixes.Trap.BOTH_RECV_FIRST);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 30, "the watchdog (2 s), not a timeout: " + seconds + " s");
        List<String> calls = e.calls();
        assertEquals(4, calls.size(), e.getMessage());
        assertTrue(calls.get(0).startsWith("rank 0 blocked in recv(double[5], source=1, tag=0)"), calls.get(0));
        assertTrue(calls.get(1).startsWith("rank 1 blocked in recv(double[5], source=0, tag=0)"), calls.get(1));
        for (int r = 2; r < 4; r++) { // "Nothing to do": they returned and wait at the end of the stage
            assertTrue(calls.get(r).startsWith("rank " + r + " blocked in end of rank"), calls.get(r));
        }
    }

    @Test
    void waitingForARankThatReturnedIsADeadlockToo() {
        MpiDeadlockException e = DeadlockAndFixes.trap(mpi, 2, DeadlockAndFixes.Trap.PEER_RETURNED);
        assertTrue(e.calls().get(0).startsWith("rank 0 blocked in recv(double[5], source=1, tag=0)"), e.getMessage());
        assertTrue(e.calls().get(1).startsWith("rank 1 blocked in end of rank"), e.getMessage());
    }

    @Test
    void eachFixSwapsTheDataOfRanksZeroAndOne() {
        for (DeadlockAndFixes.Fix fix : DeadlockAndFixes.Fix.values()) {
            SpmdResult<double[]> out = DeadlockAndFixes.fix(mpi, 3, fix);
            double[] zero = DeadlockAndFixes.data(0, DeadlockAndFixes.N);
            double[] one = DeadlockAndFixes.data(1, DeadlockAndFixes.N);
            assertArrayEquals(one, out.values().get(0), fix.toString());
            assertArrayEquals(zero, out.values().get(1), fix.toString());
            assertNull(out.values().get(2));
            assertTrue(out.formatted().contains("[stdout:0] Proc 0 receive " + Examples.numpy(one) + "\n"),
                    out.formatted());
            assertTrue(out.formatted().endsWith("[stdout:2] Nothing to do\n"), out.formatted());
        }
    }
}
