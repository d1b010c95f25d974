package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.lane.LaneEndpoint;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Status;

/**
 * Messages between JVMs on lanes: every kind and size arrives whole (across the lanes' chunks),
 * the ranks of a JVM share its lanes without overtaking one another, {@code lanes=false} still goes
 * through MPJ Express, and a lane that breaks frees the rank that waits on it, saying which lane.
 * Ranks are placed as Spark places a stage's tasks on two executors (0, 2, ... in one JVM).
 */
@Timeout(120)
class LanesTest {

    /** Element counts around the lanes' 256 KB chunk for every kind: empty, one, just under, over, several. */
    private static int[] counts(int bytesPerElement) {
        int chunk = 256 * 1024 / bytesPerElement;
        return new int[] {0, 1, 7, chunk - 6, chunk - 5, chunk + 3, 3 * chunk + 11};
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void everyKindAndSizeCrossesALaneWhole(boolean encrypted) throws Exception {
        RankOptions options = RankOptions.DEFAULTS.withEncryptionRequired(encrypted);
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, true, options, comm -> {
            assertNotNull(EngineAccess.transport(comm).capability(LaneEndpoint.class), "messages between JVMs on lanes");
            int to = (comm.rank() + 1) % 4; // always in the other JVM
            int from = (comm.rank() + 3) % 4;
            int checked = 0;
            for (Kind k : Kind.values()) {
                for (int n : counts(k.bytes)) {
                    Object mine = k.filled(n, comm.rank());
                    Object theirs = k.filled(n, from);
                    Object into = k.filled(n + 2, -1); // one element either side stays untouched
                    Status st = comm.sendrecv(mine, 0, n, to, 40 + k.ordinal(), into, 1, n, from, 40 + k.ordinal());
                    assertEquals(n, st.count(), k + " x " + n + " from rank " + from);
                    Object expected = k.filled(n + 2, -1);
                    System.arraycopy(theirs, 0, expected, 1, n);
                    k.assertSame(expected, into, k + " x " + n + " from rank " + from);
                    checked++;
                }
            }
            return comm.rank() + ":" + checked;
        }));
        int sizes = Kind.values().length * counts(8).length;
        assertEquals(List.of("0:" + sizes, "1:" + sizes, "2:" + sizes, "3:" + sizes), got);
    }

    /** Three ranks of one JVM send to one rank of the other through the same lane: each one's messages in order. */
    @Test
    void ranksOfAJvmShareItsLaneWithoutOvertaking() throws Exception {
        int each = 300;
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(6, 2, true, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() % 2 == 0) { // ranks 0, 2, 4: one JVM; a long message now and then
                for (int i = 0; i < each; i++) {
                    int[] msg = new int[i % 50 == 0 ? 100_000 : 2];
                    msg[0] = comm.rank();
                    msg[1] = i;
                    comm.send(msg, 1, 7);
                }
                return "sent";
            }
            if (comm.rank() != 1) {
                return "idle";
            }
            int[] next = new int[6];
            int[] buf = new int[100_000];
            for (int m = 0; m < 3 * each; m++) {
                Status st = comm.recv(buf, Communicator.ANY_SOURCE, 7);
                int source = st.source();
                assertEquals(source, buf[0], "the sender in the message is the status's source");
                assertEquals(next[source]++, buf[1], "rank " + source + "'s messages in the order it sent them");
            }
            return next[0] + "," + next[2] + "," + next[4];
        }));
        assertEquals(List.of("sent", "300,300,300", "sent", "idle", "sent", "idle"), got);
    }

    /**
     * A message whose receive was posted first is read straight into it (at its offset, with its
     * own tag and source in the status), whether it spans several of the reader's buffers or fits
     * one; one too long for its posted receive fails that receive as MPI's truncation, and the lane
     * goes on: the next message arrives whole.
     */
    @ParameterizedTest(name = "{0} doubles")
    @ValueSource(ints = {200_000, 3_000}) // 1.6 MB: several chunks; 24 KB: read whole before it is handed over
    void aMessageGoesStraightIntoItsPostedReceiveOrFailsItIfTooLong(int n) throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(2, 2, true, RankOptions.DEFAULTS, comm -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i * 0.5;
            }
            if (comm.rank() == 0) {
                comm.barrier(); // rank 1 has posted its receives
                comm.send(v, 1, 9);
                comm.send(v, 1, 10);
                comm.send(v, 0, 1000, 1, 11);
                return "sent";
            }
            double[] into = new double[n + 4];
            java.util.Arrays.fill(into, -1);
            org.mpionspark.mpi.Request posted = comm.irecv(into, 2, n, Communicator.ANY_SOURCE, Communicator.ANY_TAG);
            org.mpionspark.mpi.Request small = comm.irecv(new double[n - 1], 0, 10);
            comm.barrier();
            Status st = posted.waitFor();
            String truncated;
            try {
                small.waitFor();
                truncated = "no error";
            } catch (RuntimeException e) {
                truncated = e.getClass().getSimpleName();
            }
            double[] next = new double[1000];
            Status third = comm.recv(next, 0, 11);
            double[] expected = new double[n + 4];
            java.util.Arrays.fill(expected, -1);
            System.arraycopy(v, 0, expected, 2, n);
            assertArrayEquals(expected, into, "straight into the receive, at its offset, nothing either side");
            assertArrayEquals(java.util.Arrays.copyOf(v, 1000), next);
            return st.source() + "," + st.tag() + "," + st.count() + " " + truncated + " " + third.count();
        }));
        assertEquals("sent", got.get(0));
        assertTrue(got.get(1).startsWith("0,9," + n + " "), got.get(1));
        assertTrue(got.get(1).endsWith(" 1000"), got.get(1));
        assertTrue(!got.get(1).contains("no error"), "a message too long for its posted receive fails it: " + got.get(1));
    }

    /** Encrypted lanes carry every collective, in two levels, between the JVMs: each result as in the clear. */
    @Test
    void collectivesCrossEncryptedLanes() throws Exception {
        RankOptions sealed = RankOptions.DEFAULTS.withEncryptionRequired(true);
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, true, sealed, comm -> {
            int n = 100_000; // several frames a message
            double[] sum = new double[n];
            java.util.Arrays.fill(sum, comm.rank() + 1);
            comm.allreduce(sum, sum, org.mpionspark.mpi.Op.SUM);
            int[] root = new int[n];
            if (comm.rank() == 3) {
                java.util.Arrays.setAll(root, i -> i);
            }
            comm.bcast(root, 0, n, 3);
            int[] mine = new int[4];
            int[] all = new int[4];
            java.util.Arrays.fill(mine, comm.rank());
            comm.alltoall(mine, all);
            return comm.rank() + ":" + sum[0] + "," + sum[n - 1] + "," + root[n - 1] + "," + java.util.Arrays.toString(all);
        }));
        assertEquals(List.of("0:10.0,10.0,99999,[0, 1, 2, 3]", "1:10.0,10.0,99999,[0, 1, 2, 3]",
                "2:10.0,10.0,99999,[0, 1, 2, 3]", "3:10.0,10.0,99999,[0, 1, 2, 3]"), got);
    }

    /**
     * A world whose control links and lanes are all encrypted: its values are right, and a rank's
     * error reaches the driver and frees the others, naming the rank, as in the clear.
     */
    @Test
    void aWorldEncryptedEndToEndComputesAndReportsAFailedRank() throws Exception {
        byte[] secret = "the application's secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ThreadWorld.Result<Integer> ok = ThreadWorld.runSealed(4, 2, secret, comm -> {
            int[] sum = {comm.rank()};
            comm.allreduce(sum, sum, org.mpionspark.mpi.Op.SUM);
            return sum[0];
        });
        assertEquals(List.of(6, 6, 6, 6), ThreadWorld.values(ok.outcomes()));

        ThreadWorld.Result<Integer> failed = ThreadWorld.runSealed(4, 2, secret, comm -> {
            if (comm.rank() == 3) {
                throw new IllegalStateException("rank 3's own words");
            }
            comm.barrier();
            return 0;
        });
        org.mpionspark.bridge.rendezvous.WorldFailure f = failed.failure().orElseThrow();
        assertEquals(3, f.rank());
        assertTrue(f.message().contains("rank 3's own words"), f.message());
        for (int r = 0; r < 3; r++) {
            Throwable e = failed.outcomes().get(r).error();
            assertTrue(e instanceof org.mpionspark.mpi.MpiAbortedException, "rank " + r + ": " + e);
        }
    }

    /** MPJ Express's own connections are not encrypted: asked for in a world that must be, they refuse, saying why. */
    @Test
    void encryptedWorldsRefuseMpjExpressOwnConnections() throws Exception {
        RankOptions sealed = RankOptions.DEFAULTS.withEncryptionRequired(true);
        List<String> got = ThreadWorld.values(ThreadWorld.runOnJvms(2, 2, true, sealed, comm -> {
            try {
                EngineAccess.nativeCollectives(comm);
                return "started";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        for (String why : got) {
            assertTrue(why.contains("MPJ Express's own connections would carry its collectives between JVMs "
                    + "unencrypted"), why);
        }
    }

    @Test
    void withoutLanesMessagesGoThroughMpjExpress() throws Exception {
        List<Double> got = ThreadWorld.values(ThreadWorld.runOnJvms(4, 2, false, RankOptions.DEFAULTS, comm -> {
            assertNull(EngineAccess.transport(comm).capability(LaneEndpoint.class), "no lanes: MPJ Express's niodev");
            double[] v = new double[70_000];
            java.util.Arrays.fill(v, comm.rank() + 1);
            double[] in = new double[70_000];
            comm.sendrecv(v, (comm.rank() + 1) % 4, 1, in, (comm.rank() + 3) % 4, 1);
            return in[69_999];
        }));
        assertEquals(List.of(4.0, 1.0, 2.0, 3.0), got);
    }

    /**
     * The JVM of rank 1 tears its endpoint down while rank 0 waits for a message from it: rank 0
     * fails at once, naming the lane that broke, and rank 1's wait ends with the world.
     */
    @Test
    void aLaneThatBreaksFreesTheRankWaitingOnIt() throws Exception {
        List<ThreadWorld.Outcome<String>> out = ThreadWorld.runOnJvms(2, 2, true,
                RankOptions.DEFAULTS.withOpTimeoutMillis(60_000), comm -> {
                    comm.barrier();
                    if (comm.rank() == 1) {
                        EngineAccess.transport(comm).capability(LaneEndpoint.class).kill();
                        comm.recv(new int[1], 0, 5); // nothing comes: freed when rank 0 fails
                        return "rank 1 received";
                    }
                    comm.recv(new int[1], 1, 5);
                    return "rank 0 received";
                });
        Throwable zero = out.get(0).error();
        assertNotNull(zero, "rank 0 cannot receive from a lane that broke");
        assertTrue(String.valueOf(zero.getMessage()).contains("the lane from endpoint 1"), String.valueOf(zero));
        assertNotNull(out.get(1).error(), "rank 1 waits in vain, and is freed");
    }

    /** The array kinds of the API, each with a fill pattern and a comparison. */
    private enum Kind {
        BYTE(1), SHORT(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8), CHAR(2), BOOLEAN(1);

        final int bytes;

        Kind(int bytes) {
            this.bytes = bytes;
        }

        Object filled(int n, int seed) {
            Object a = switch (this) {
                case BYTE -> new byte[n];
                case SHORT -> new short[n];
                case INT -> new int[n];
                case LONG -> new long[n];
                case FLOAT -> new float[n];
                case DOUBLE -> new double[n];
                case CHAR -> new char[n];
                case BOOLEAN -> new boolean[n];
            };
            for (int i = 0; i < n; i++) {
                long v = seed * 1_000_003L + i * 31L;
                switch (this) {
                    case BYTE -> ((byte[]) a)[i] = (byte) v;
                    case SHORT -> ((short[]) a)[i] = (short) v;
                    case INT -> ((int[]) a)[i] = (int) v;
                    case LONG -> ((long[]) a)[i] = v * 1_000_000_007L;
                    case FLOAT -> ((float[]) a)[i] = v / 3f;
                    case DOUBLE -> ((double[]) a)[i] = v / 7.0;
                    case CHAR -> ((char[]) a)[i] = (char) v;
                    case BOOLEAN -> ((boolean[]) a)[i] = (v & 4) != 0;
                }
            }
            return a;
        }

        void assertSame(Object expected, Object got, String what) {
            switch (this) {
                case BYTE -> assertArrayEquals((byte[]) expected, (byte[]) got, what);
                case SHORT -> assertArrayEquals((short[]) expected, (short[]) got, what);
                case INT -> assertArrayEquals((int[]) expected, (int[]) got, what);
                case LONG -> assertArrayEquals((long[]) expected, (long[]) got, what);
                case FLOAT -> assertArrayEquals((float[]) expected, (float[]) got, what);
                case DOUBLE -> assertArrayEquals((double[]) expected, (double[]) got, what);
                case CHAR -> assertArrayEquals((char[]) expected, (char[]) got, what);
                case BOOLEAN -> assertArrayEquals((boolean[]) expected, (boolean[]) got, what);
            }
        }
    }
}
