package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/** The course programs on embedded Spark give what a one-process computation gives, and print what the course prints. */
@Timeout(120)
class CourseProgramsTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(new SparkConf().setMaster("local[5]").setAppName("course programs")
                .set("spark.ui.enabled", "false"));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.close();
    }

    @Test
    void mpjExpressHelloWorldRunsUnchangedOnEveryRank() {
        SpmdResult<Integer> r = org.mpionspark.mpj.MpjPrograms.runMain(mpi, 4, "HelloWorld");
        for (int rank = 0; rank < 4; rank++) {
            assertEquals("Hi from <" + rank + ">\n", r.stdout().get(rank));
        }
    }

    @Test
    void piIsWithinTheMidpointRulesError() {
        List<Double> pis = mpi.run(4, comm -> Pi.computePi(comm, 1_000_000));
        for (double pi : pis) {
            assertEquals(Math.PI, pi, 1e-12);
            assertEquals(pis.get(0), pi, 0.0, "every rank holds the same allreduced sum");
        }
    }

    @Test
    void mandelbrotGathersEveryRowInPlaceOnUnevenRanks() {
        Mandelbrot.Frame frame = Mandelbrot.Frame.course(250, 203); // 203 rows: 41, 41, 41, 40, 40
        List<int[]> images = mpi.run(5, comm -> Mandelbrot.render(comm, frame));
        assertArrayEquals(Mandelbrot.rows(frame, 0, frame.height()), images.get(0));
        for (int r = 1; r < 5; r++) {
            assertNull(images.get(r));
        }
        int[] image = images.get(0);
        assertEquals(frame.maxit(), image[101 * 250 + 146], "(-0.248, -0.005) is in the main cardioid: never escapes");
        assertEquals(1, image[0], "(-2, -1) escapes at once");
        assertEquals(Mandelbrot.ascii(Mandelbrot.rows(frame, 0, frame.height()), frame, 40),
                Mandelbrot.ascii(image, frame, 40));
    }

    @Test
    void mandelbrotRowsReadFromAnRddGiveTheOneProcessImage() {
        Mandelbrot.Frame frame = Mandelbrot.Frame.course(120, 97); // 97 rows over 5 partitions: 19, 19, 19, 19, 21
        assertArrayEquals(Mandelbrot.rows(frame, 0, frame.height()), Mandelbrot.renderFromRdd(mpi, frame, 5));
        Mandelbrot.Frame tiny = Mandelbrot.Frame.course(30, 3); // more ranks than rows: some blocks are empty
        assertArrayEquals(Mandelbrot.rows(tiny, 0, 3), Mandelbrot.renderFromRdd(mpi, tiny, 5));
    }

    @Test
    void mandelbrotPngHoldsEveryPointsColour(@TempDir Path dir) throws Exception {
        Mandelbrot.Frame frame = Mandelbrot.Frame.course(250, 200);
        int[] image = Mandelbrot.rows(frame, 0, frame.height());
        Path png = dir.resolve("m.png");
        Mandelbrot.writePng(image, frame, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(250, read.getWidth());
        assertEquals(200, read.getHeight());
        for (int r = 0; r < 200; r += 7) {
            for (int c = 0; c < 250; c += 3) {
                assertEquals(Mandelbrot.rgb(image[r * 250 + c], frame.maxit()), read.getRGB(c, r) & 0xFFFFFF);
            }
        }
        assertEquals(0, read.getRGB(146, 100) & 0xFFFFFF, "inside the set: black");
    }

    @Test
    void helloPrintsEachRanksLineInRankOrderAsIpyparallelDoes() {
        SpmdResult<String> out = mpi.runWithOutput(4, Hello::hello);
        String host = out.values().get(0).split(" on ")[1].split(" with ")[0];
        long pid = ProcessHandle.current().pid(); // local mode: the ranks are threads of this JVM
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            String line = "Hello World! I am process " + r + " of 4 on " + host + " with pid " + pid + ".";
            assertEquals(line, out.values().get(r));
            expected.add("[stdout:" + r + "] " + line);
        }
        assertEquals(String.join("\n", expected) + "\n", out.formatted());
    }

    @Test
    void pointToPointDeliversTheObjectTheArraysAndWhatEachStatusSays() {
        SpmdResult<PointToPoint.Received> out = mpi.runWithOutput(4, PointToPoint::exchange);
        PointToPoint.Received one = out.values().get(1);
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", 7);
        dict.put("b", 3.14);
        assertEquals(dict, one.dict());
        assertArrayEquals(IntStream.range(0, 10).toArray(), one.ints());
        assertArrayEquals(IntStream.range(0, 10).asDoubleStream().toArray(), one.doubles());

        List<PointToPoint.Message> got = new ArrayList<>(out.values().get(0).fromAnyone());
        got.sort(Comparator.comparingInt(PointToPoint.Message::source)); // they come in any order
        assertEquals(3, got.size());
        for (int r = 1; r < 4; r++) {
            PointToPoint.Message m = got.get(r - 1);
            int rank = r;
            assertEquals(r, m.source());
            assertEquals(100 + r, m.tag());
            assertEquals(r + 1, m.count());
            assertArrayEquals(IntStream.range(0, r + 1).map(i -> rank * 10 + i).toArray(), m.data());
        }
        assertTrue(out.formatted().contains("[stdout:1] rank 1 received {a=7, b=3.14}\n"), out.formatted());
    }

    @Test
    void broadcastByLoopAndByBcastGiveEveryRankTheRootsData() {
        for (int ranks : new int[] {2, 5}) {
            List<Collectives.Broadcast> out = mpi.run(ranks, comm -> Collectives.broadcast(comm, 1000, 2));
            for (Collectives.Broadcast b : out) {
                assertArrayEquals(Collectives.rootData(1000), b.byLoop());
                assertArrayEquals(Collectives.rootData(1000), b.byBcast());
                assertTrue(b.loopSeconds() > 0 && b.bcastSeconds() > 0);
            }
        }
    }

    @Test
    void scatterAndGatherHandOutAndCollectTheCoursesBlocks() {
        List<Collectives.ScatterGather> out = mpi.run(5, Collectives::scatterGather);
        for (int r = 0; r < 5; r++) {
            Collectives.ScatterGather g = out.get(r);
            assertEquals("{key1=[7, 2.72, 2+3j], key2=[abc, xyz]}", g.dict().toString());
            int rank = r;
            assertArrayEquals(IntStream.range(0, Collectives.BLOCK).mapToDouble(i -> (rank * Collectives.BLOCK + i) / 10.0)
                    .toArray(), g.scattered());
            assertEquals((r + 1) * (r + 1), g.scatteredObject());
            if (r > 0) {
                assertNull(g.gathered());
                assertNull(g.gatheredObjects());
            }
        }
        double[] gathered = IntStream.range(0, 5 * Collectives.BLOCK).mapToDouble(i -> i / Collectives.BLOCK).toArray();
        assertArrayEquals(gathered, out.get(0).gathered());
        assertEquals(List.of(1, 4, 9, 16, 25), out.get(0).gatheredObjects());
    }

    @Test
    void allgatherGivesEveryRankAllAndAlltoallTransposes() {
        List<Collectives.AllToAll> out = mpi.run(3, Collectives::allgatherAlltoall);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(new int[] {0, 1, 2}, out.get(r).allgathered());
            assertArrayEquals(new int[] {r, 10 + r, 20 + r}, out.get(r).received());
        }
    }

    @Test
    void reductionsGiveSumsProductsExtremaTheirRanksAndPrefixSums() {
        for (int ranks : new int[] {2, 4}) {
            SpmdResult<Reductions.Results> out = mpi.runWithOutput(ranks, Reductions::reduce);
            int n = ranks;
            long factorial = factorial(n);
            int maxRank = IntStream.range(0, n).boxed().max(Comparator.comparingDouble(Reductions::measure)).get();
            int minRank = IntStream.range(0, n).boxed().min(Comparator.comparingDouble(Reductions::measure)).get();
            double sumOfRanks = n * (n - 1) / 2.0;
            for (int r = 0; r < n; r++) {
                Reductions.Results v = out.values().get(r);
                double[] sums = new double[Reductions.N];
                Arrays.fill(sums, sumOfRanks);
                assertArrayEquals(sums, v.allreduced());
                assertEquals((int) sumOfRanks, v.allreducedObject());
                if (r == 0) {
                    assertArrayEquals(sums, v.reduced());
                    assertEquals((int) sumOfRanks, v.reducedObject());
                } else {
                    assertNull(v.reduced());
                    assertNull(v.reducedObject());
                }
                assertEquals(n * (n + 1) / 2, v.sum());
                assertEquals(factorial, v.prod());
                assertEquals(n, v.max());
                assertEquals(1, v.min());
                assertArrayEquals(new double[] {Reductions.measure(maxRank), maxRank}, v.maxloc());
                assertArrayEquals(new double[] {Reductions.measure(minRank), minRank}, v.minloc());
                assertEquals((r + 1) * (r + 2) / 2, v.scan());
                assertEquals(r == 0 ? null : r * (r + 1) / 2, v.exscan());
            }
        }
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    @Test
    void evenAndOddCommunicatorsByGroupsAndBySplitHoldTheSameRanks() {
        List<EvenOdd.Membership> out = mpi.run(5, EvenOdd::evenOdd); // evens 0, 2, 4; odds 1, 3
        for (int r = 0; r < 5; r++) {
            EvenOdd.Membership m = out.get(r);
            assertEquals(r, m.worldRank());
            assertEquals(r % 2 == 1, m.odd());
            assertEquals(r / 2, m.groupRank());
            assertEquals(r % 2 == 1 ? 2 : 3, m.groupSize());
            assertEquals(m.groupRank(), m.splitRank());
            assertEquals(m.groupSize(), m.splitSize());
            assertEquals(r % 2 == 1 ? 1 + 3 : 0 + 2 + 4, m.sumOfWorldRanks());
        }
    }

    @Test
    void orderedPrintPrintsOneRankAfterTheOther() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Double> times;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8)); // local mode: the ranks print here
        try {
            times = OrderedPrint.run(mpi, 5);
        } finally {
            System.setOut(console);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("Hello from proc:")).toList();
        assertEquals(IntStream.range(0, 5).mapToObj(r -> "Hello from proc: " + r).toList(), lines);
        for (int r = 1; r < 5; r++) {
            assertTrue(times.get(r) > times.get(r - 1), "rank " + r + " printed after rank " + (r - 1) + ": " + times);
        }
    }

    @Test
    void threadsAndRanksFindTheSamePiAndTheTableHasARowPerWorkerCount() throws Exception {
        List<ThreadsVsRanks.Row> rows = ThreadsVsRanks.compare(mpi, 1_000_000, ThreadsVsRanks.WORKERS, 1);
        assertEquals(List.of(1, 2, 4), rows.stream().map(ThreadsVsRanks.Row::workers).toList());
        for (ThreadsVsRanks.Row r : rows) {
            assertEquals(Math.PI, r.piThreads(), 1e-12);
            assertEquals(Math.PI, r.piRanks(), 1e-12);
            assertTrue(r.ranksStage() >= r.ranksMpi(), r.toString());
        }
        String[] table = ThreadsVsRanks.table(rows).split("\n");
        assertEquals(4, table.length);
        assertTrue(table[1].matches("\\s+1 \\|\\s+\\d+ ms\\s+1\\.00 .*"), table[1]);
    }
}
