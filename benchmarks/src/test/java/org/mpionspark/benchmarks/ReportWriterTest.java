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
}
