package org.mpionspark.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/** The report from known measurements: the headline table, ratios, bandwidths and the PNG plots. */
class ReportWriterTest {

    private static final long MB8 = 8L << 20;
    private static final String LOCAL = "local[4]";

    private static Measurement m(String section, String method, String master, int ranks, long bytes, double ms) {
        return new Measurement(section, method, master, ranks, bytes, ms, ms, ms, 5);
    }

    private static Results sample() {
        Results r = new Results();
        for (long bytes : new long[] {8, MB8}) {
            double scale = bytes == 8 ? 0.01 : 1;
            r.add(m(AllreduceSection.SECTION, AllreduceSection.OURS, LOCAL, 4, bytes, 20 * scale));
            r.add(m(AllreduceSection.SECTION, AllreduceSection.MPJ, LOCAL, 4, bytes, 15 * scale));
            r.add(m(AllreduceSection.SECTION, AllreduceSection.REDUCE, LOCAL, 4, bytes, 100 * scale));
            r.add(m(AllreduceSection.SECTION, AllreduceSection.TREE_REDUCE, LOCAL, 4, bytes, 80 * scale));
            r.add(m(AllreduceSection.SECTION, NativeMpi.METHOD, NativeMpi.MASTER, 4, bytes, 5 * scale));
            r.add(m(PingPongSection.SECTION, PingPongSection.OURS, LOCAL, 2, bytes, 2 * scale));
            r.add(m(PingPongSection.SECTION, PingPongSection.RAW_SOCKET, LOCAL, 2, bytes, scale));
        }
        for (int w : new int[] {1, 2, 4}) {
            r.add(m(ScalingSection.SECTION, "pi, ranks", LOCAL, w, 0, 1000.0 / Math.min(w, 2)));
        }
        r.note(AllreduceSection.SECTION, "MPJ Express's own Allreduce not measured on local world: no MPJ");
        return r;
    }

    @Test
    void headlineHasOursMpjSparkAndOpenMpiWithRatios() {
        String md = new ReportWriter(sample()).markdown("# header\n", List.of());
        assertTrue(md.contains("| local[4] | 8 MB | 20.0 ms | 15.0 ms | 80.0 ms | 100.0 ms | 5.00 ms | 4.0x | 5.0x | 4.0x |"), md);
        assertTrue(md.contains("MPJ Express's own Allreduce not measured on local world: no MPJ"), md);
    }

    @Test
    void busBandwidthFollowsTheNcclDefinition() {
        // 8 MiB in 20 ms on 4 ranks: algbw 0.42 GB/s, busbw x 1.5 = 0.63 GB/s
        String md = new ReportWriter(sample()).markdown("", List.of());
        assertTrue(md.contains("| 8 MB | 0.63 GB/s | 0.84 GB/s | 0.13 GB/s | 0.16 GB/s | 2.52 GB/s |"), md);
    }

    @Test
    void scalingShowsSpeedUpOverOneWorker() {
        String md = new ReportWriter(sample()).markdown("", List.of());
        assertTrue(md.contains("| pi, ranks | local[4] | 1.00 s (1.0x) | 500.0 ms (2.0x) | 500.0 ms (2.0x) |"), md);
    }

    @Test
    void writesTheReportAndItsPlots(@TempDir Path dir) throws Exception {
        Path report = new ReportWriter(sample()).write(dir, "# header\n");
        String md = Files.readString(report);
        for (String png : List.of("allreduce-time-local-4-4ranks.png", "allreduce-busbw-local-4-4ranks.png",
                "pingpong-time.png", "pingpong-bandwidth.png", "scaling-speedup.png")) {
            Path p = dir.resolve(png);
            assertTrue(Files.size(p) > 5_000, png + " is " + Files.size(p) + " bytes");
            byte[] head = Files.readAllBytes(p);
            assertEquals((byte) 0x89, head[0], png + " is not a PNG");
            assertTrue(md.contains("](" + png + ")"), "the report shows " + png);
        }
    }

    @Test
    void theSavedMediansGiveTheSameReportAgain(@TempDir Path dir) throws Exception {
        Path report = new ReportWriter(sample()).write(dir, "# header\n\n- machine: x");
        String first = Files.readString(report);
        var saved = Results.readTsv(dir.resolve("results.tsv"));
        assertEquals("# header\n\n- machine: x", saved.getValue());
        assertEquals(first, new ReportWriter(saved.getKey()).markdown(saved.getValue(), List.of(
                "allreduce-time-local-4-4ranks.png", "allreduce-busbw-local-4-4ranks.png", "pingpong-time.png",
                "pingpong-bandwidth.png", "scaling-speedup.png")));
    }

    @Test
    void theClusterPartComparesOursWithOpenMpiOverTheSameNamespaces(@TempDir Path dir) throws Exception {
        Results r = sample();
        String c = ClusterSection.label(2);
        r.add(m(PingPongSection.SECTION, PingPongSection.OURS, c, 2, 8, 0.3));
        r.add(m(PingPongSection.SECTION, PingPongSection.RAW_SOCKET_BETWEEN, c, 2, 8, 0.02));
        r.add(m(PingPongSection.SECTION, NativeMpi.METHOD, c, 2, 8, 0.05));
        for (long bytes : new long[] {8, MB8}) {
            r.add(m(AllreduceSection.SECTION, AllreduceSection.OURS, c, 4, bytes, 30));
            r.add(m(AllreduceSection.SECTION, NativeMpi.METHOD, c, 4, bytes, 10));
            r.add(m(CollectivesOnRanks.BCAST, CollectivesOnRanks.OURS, c, 4, bytes, 8));
            r.add(m(CollectivesOnRanks.BCAST, NativeMpi.METHOD, c, 4, bytes, 4));
        }
        r.add(m(CollectivesOnRanks.BARRIER, CollectivesOnRanks.OURS, c, 4, 0, 1));
        r.add(m(CollectivesOnRanks.BARRIER, NativeMpi.METHOD, c, 4, 0, 2));
        r.add(m(StageSection.SECTION, StageSection.SPMD, c, 4, 0, 600));
        r.add(m(StageSection.SECTION, StageSection.BARRIER, c, 4, 0, 400));
        r.add(m(StageSection.SECTION, StageSection.BASELINE, c, 4, 0, 200));
        Path report = new ReportWriter(r).write(dir, "# header\n");
        String md = Files.readString(report);
        assertTrue(md.contains("### namespace cluster, 2 workers"), md);
        assertTrue(md.contains("| 8 B | 0.30 ms | 20.0 µs | 50.0 µs | 6.0x | 15x |"), md);
        assertTrue(md.contains("| allreduce | 4 | 8 MB | 30.0 ms | 10.0 ms | 3.0x |"), md);
        assertTrue(md.contains("| bcast | 4 | 8 MB | 8.00 ms | 4.00 ms | 2.0x |"), md);
        assertTrue(md.contains("| barrier | 4 | — | 1.00 ms | 2.00 ms | 0.5x |"), md);
        assertTrue(md.contains("| 4 | 600.0 ms | 400.0 ms | 200.0 ms | 1.5x |"), md);
        // the cluster's allreduce table and headline row take its own Open MPI (10 ms), not this machine's (5 ms)
        assertTrue(md.contains("| 8 MB | 30.0 ms | 10.0 ms | — | 3.0x |"), md);
        assertTrue(md.contains("| namespace cluster, 2 workers | 8 MB | 30.0 ms | — | — | — | 10.0 ms | — | — | 3.0x |"), md);
        for (String png : List.of("bcast-time-namespace-cluster-2-workers.png",
                "allreduce-time-namespace-cluster-2-workers-4ranks.png")) {
            assertTrue(Files.size(dir.resolve(png)) > 5_000, png);
            assertTrue(md.contains("](" + png + ")"), "the report shows " + png);
        }
    }
}
