package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * Every collective across four executor JVMs of {@code local-cluster[4,2,1024]}, eight ranks, two
 * in each JVM as Spark places them: a sweep of sizes below and above the two-level threshold, with
 * {@code spark.mpi.collectives.twoLevel} at each value, every rank checking what it received.
 */
@Timeout(400)
class TwoLevelLocalClusterTest {

    private static final int RANKS = 8;
    /** 1 element, 1,000 and 40,000 (320 KB of longs: two levels in {@code auto}). */
    private static final int[] SIZES = {1, 1_000, 40_000};
    /** Concatenates decimal digits: associative, not commutative, so any reordering shows. */
    private static final Op CONCAT = Op.ofLongs("CONCAT", TwoLevelLocalClusterTest::concat, false);

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = SparkSessions.localCluster(4, 2);
        // four executor JVMs start slowly on a busy 2-core machine: the first stage waits for them
        mpi = new JavaMpiContext(jsc).withConf("spark.mpi.slots.waitTimeout", "240s");
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "always", "never"})
    void everyCollectiveOfASizeSweepIsRightOnEightRanksInFourJvms(String mode) {
        List<String> out = mpi.withConf(TwoLevelMode.KEY, mode).run(RANKS, comm -> {
            List<String> wrong = new ArrayList<>();
            for (int n : SIZES) {
                sweep(comm, n, wrong);
            }
            return ManagementFactory.getRuntimeMXBean().getName() + "|" + wrong;
        });
        Map<String, List<Integer>> ranksOf = new TreeMap<>();
        for (int r = 0; r < RANKS; r++) {
            String[] row = out.get(r).split("\\|", 2);
            assertEquals("[]", row[1], "rank " + r + " in mode " + mode);
            ranksOf.computeIfAbsent(row[0], k -> new ArrayList<>()).add(r);
        }
        assertEquals(List.of(2, 2, 2, 2), ranksOf.values().stream().map(List::size).toList(),
                "two ranks in each of four executor JVMs: " + ranksOf);
    }

    /** Every collective on {@code n} elements (blocks of uneven multiples of {@code n}); what came out wrong. */
    private static void sweep(Communicator comm, int n, List<String> wrong) {
        int p = comm.size();
        int r = comm.rank();
        long[] buf = r == 3 ? digits(3, n) : new long[n];
        comm.bcast(buf, 3);
        same(wrong, "bcast " + n, digits(3, n), buf);
        long[] sum = r == 1 ? new long[n] : null;
        comm.reduce(digits(r, n), sum, Op.SUM, 1);
        if (r == 1) {
            same(wrong, "reduce " + n, upTo(p - 1, n, Op.SUM), sum);
        }
        long[] all = new long[n];
        comm.allreduce(digits(r, n), all, CONCAT);
        same(wrong, "allreduce CONCAT " + n, upTo(p - 1, n, CONCAT), all);
        for (Op op : new Op[] {Op.SUM, CONCAT}) {
            long[] scan = new long[n];
            comm.scan(digits(r, n), scan, op);
            same(wrong, "scan " + op + " " + n, upTo(r, n, op), scan);
            long[] ex = new long[n];
            comm.exscan(digits(r, n), ex, op);
            if (r > 0) {
                same(wrong, "exscan " + op + " " + n, upTo(r - 1, n, op), ex);
            }
        }
        int[] counts = new int[p];
        Arrays.setAll(counts, q -> (q % 3) * n); // uneven, every third block empty
        int total = Arrays.stream(counts).sum();
        long[] mine = new long[counts[r]];
        comm.reduceScatter(digits(r, total), mine, counts, Op.SUM);
        int from = Arrays.stream(counts, 0, r).sum();
        same(wrong, "reduceScatter " + n, Arrays.copyOfRange(upTo(p - 1, total, Op.SUM), from, from + counts[r]), mine);
        long[] gathered = r == 2 ? new long[total] : null;
        comm.gatherv(digits(r, counts[r]), 0, counts[r], gathered, counts, null, 2);
        long[] expected = new long[total];
        for (int q = 0, at = 0; q < p; at += counts[q++]) {
            System.arraycopy(digits(q, counts[q]), 0, expected, at, counts[q]);
        }
        if (r == 2) {
            same(wrong, "gatherv " + n, expected, gathered);
        }
        long[] everyone = new long[total];
        comm.allgatherv(digits(r, counts[r]), 0, counts[r], everyone, counts, null);
        same(wrong, "allgatherv " + n, expected, everyone);
        long[] part = new long[counts[r]];
        comm.scatterv(r == 5 ? expected : null, counts, null, part, 0, counts[r], 5);
        same(wrong, "scatterv " + n, digits(r, counts[r]), part);
        long[] send = new long[p * n];
        Arrays.setAll(send, i -> r * 1_000_000L + i);
        long[] got = new long[p * n];
        comm.alltoall(send, got);
        long[] want = new long[p * n];
        Arrays.setAll(want, i -> (i / n) * 1_000_000L + r * n + i % n);
        same(wrong, "alltoall " + n, want, got);
        List<String> objects = comm.alltoallObject(java.util.Collections.nCopies(p, r + ":" + n));
        if (!objects.equals(java.util.stream.IntStream.range(0, p).mapToObj(q -> q + ":" + n).toList())) {
            wrong.add("alltoallObject " + n + " gave " + objects);
        }
        String prefix = comm.scanObject(Integer.toString(r), String::concat);
        if (!prefix.equals("01234567".substring(0, r + 1))) {
            wrong.add("scanObject gave " + prefix);
        }
        comm.barrier();
    }

    /** Rank {@code q}'s digits 1 to 9, different at each index. */
    private static long[] digits(int q, int n) {
        long[] d = new long[n];
        Arrays.setAll(d, i -> 1 + (q + i) % 9);
        return d;
    }

    /** Ranks 0 to {@code last}'s digits reduced by {@code op} in rank order. */
    private static long[] upTo(int last, int n, Op op) {
        long[] acc = digits(0, n);
        for (int q = 1; q <= last; q++) {
            long[] d = digits(q, n);
            for (int i = 0; i < n; i++) {
                acc[i] = op == CONCAT ? concat(acc[i], d[i]) : acc[i] + d[i];
            }
        }
        return acc;
    }

    private static long concat(long left, long right) {
        long shift = 10;
        while (shift <= right) {
            shift *= 10;
        }
        return left * shift + right;
    }

    private static void same(List<String> wrong, String what, long[] expected, long[] got) {
        if (!Arrays.equals(expected, got)) {
            wrong.add(what + " differs from index " + Arrays.mismatch(expected, got));
        }
    }
}
