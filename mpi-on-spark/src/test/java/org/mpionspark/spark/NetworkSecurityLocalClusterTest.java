package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/**
 * Two executor JVMs of an application with {@code spark.authenticate} and {@code
 * spark.network.crypto.enabled}: a world across them encrypts its messages on the lanes and its
 * ranks' control links to the driver (a rank's error still reaches it) and a session's cells, and refuses to send its
 * messages in the clear on MPJ Express's connections unless told it may; told so, its
 * data ports (MPJ Express's and the lanes') admit only its endpoints while a stranger in each
 * executor knocks at every one of them the moment it listens.
 */
@Timeout(600)
class NetworkSecurityLocalClusterTest {

    private static JavaSparkContext sc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(SparkSessions.localClusterConf(2, 2)
                .set("spark.authenticate", "true")
                .set("spark.authenticate.secret", "the application's secret")
                .set("spark.network.crypto.enabled", "true"));
        mpi = new JavaMpiContext(sc);
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void aWorldAcrossExecutorsEncryptsItsMessagesOnTheLanes() {
        List<String> got = mpi.run(4, comm -> {
            org.mpionspark.bridge.lane.LaneEndpoint lanes = org.mpionspark.bridge.comm.EngineAccess.transport(comm)
                    .capability(org.mpionspark.bridge.lane.LaneEndpoint.class);
            double[] v = new double[300_000]; // frames of every size
            java.util.Arrays.fill(v, comm.rank() + 1);
            comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, v, Op.SUM);
            int[] ring = {comm.rank()};
            int[] got1 = new int[1];
            comm.sendrecv(ring, (comm.rank() + 1) % 4, 3, got1, (comm.rank() + 3) % 4, 3);
            return (lanes != null && lanes.sealed()) + " " + v[0] + " " + v[v.length - 1] + " " + got1[0];
        });
        assertEquals(List.of("true 10.0 10.0 3", "true 10.0 10.0 0", "true 10.0 10.0 1", "true 10.0 10.0 2"), got);
    }

    /** The ranks' control links to the driver are encrypted too: a rank's error still reaches it, named. */
    @Test
    void aRanksErrorCrossesItsEncryptedControlLinkToTheDriver() {
        assertTrue(org.mpionspark.spark.internal.DriverRendezvous.sealKey(sc.getConf()) != null,
                "the driver seals the control links with the application's secret");
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 2) {
                throw new IllegalStateException("rank 2's own words");
            }
            comm.barrier();
            return 0;
        }));
        assertEquals(2, e.failedRank());
        assertTrue(String.valueOf(e.getMessage()).contains("rank 2's own words"), e.getMessage());
        assertEquals(List.of(0, 1, 2, 3), mpi.run(4, comm -> comm.rank()), "the next world runs");
    }

    /** An interactive session's cells and their results travel encrypted too: variables kept, output and errors back. */
    @Test
    void aSessionAcrossExecutorsRunsItsCellsEncrypted() {
        try (MpiSession px = mpi.session(4)) {
            px.run((comm, state) -> state.put("x", (double) comm.rank()));
            CellResult<Double> sum = px.runWithOutput((comm, state) -> {
                double[] total = {state.<Double>get("x")};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, total, Op.SUM);
                System.out.println("rank " + comm.rank() + " has " + total[0]);
                return total[0];
            });
            assertEquals(List.of(6.0, 6.0, 6.0, 6.0), sum.values());
            assertTrue(sum.formatted().contains("[stdout:3] rank 3 has 6.0"), sum.formatted());
            CellFailedException e = assertThrows(CellFailedException.class,
                    () -> px.run((comm, state) -> 10 / (comm.rank() - 1)));
            assertTrue(e.getMessage().contains("rank 1: java.lang.ArithmeticException: / by zero"), e.getMessage());
        }
    }

    @Test
    void onMpjExpressConnectionsAWorldAcrossExecutorsFailsAtInitSayingItsMessagesWouldTravelUnencrypted() {
        JavaMpiContext overMpj = mpi.withConf("spark.mpi.network.lanes", "false");
        Exception e = assertThrows(Exception.class, () -> overMpj.run(4, comm -> comm.rank()));
        String text = String.valueOf(e.getMessage());
        assertTrue(text.contains("this world spans 2 executor JVMs and spark.network.crypto.enabled=true asks for "
                + "encrypted traffic between them, but with spark.mpi.network.lanes=false MPJ Express carries MPI "
                + "messages between JVMs, unencrypted"), text);
        assertTrue(text.contains("set spark.mpi.network.allowPlaintext=true"), text);
    }

    @Test
    void allowedInTheClearItsDataPortsTakeOnlyItsEndpointsWhileStrangersKnock() {
        JavaMpiContext plain = mpi.withConf("spark.mpi.network.allowPlaintext", "true");
        plain.run(4, comm -> {
            DataPortStranger.start();
            return 0;
        });
        for (int world = 0; world < 3; world++) { // the middle one on MPJ Express's connections, not on lanes
            JavaMpiContext ctx = world == 1 ? plain.withConf("spark.mpi.network.lanes", "false") : plain;
            List<long[]> got = ctx.run(4, comm -> {
                long[] sum = {comm.rank(), 1};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, sum, Op.SUM);
                return sum;
            });
            for (long[] sum : got) {
                assertEquals(6, sum[0], "world " + world);
                assertEquals(4, sum[1], "world " + world);
            }
        }
        List<int[]> strangers = plain.run(4, comm -> DataPortStranger.stop());
        int reached = 0;
        for (int[] s : strangers) {
            assertEquals(0, s[1], "a data port answered a stranger");
            reached += s[0];
        }
        assertTrue(reached > 0, "no stranger reached a data port while it listened (the test raced nothing)");
    }
}
