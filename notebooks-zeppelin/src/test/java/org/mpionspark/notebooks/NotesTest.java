package org.mpionspark.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every note of {@code notes/} is one Zeppelin can import, runs green paragraph by paragraph in
 * the harness (one REPL and one {@code local[4]} session for all, as a Zeppelin interpreter shares
 * them), and gives the course's results: pi's digits, the even/odd sizes, the picture's size and
 * pixels, the k-means centres.
 */
@Timeout(900)
class NotesTest {

    private static final Path NOTES = Path.of("notes");
    private static NoteRunner runner;

    /** What each note must give, by the number its file name starts with. */
    private static final Map<String, BiConsumer<NoteRunner, Map<String, String>>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("01", (r, out) -> {
            assertEquals("[0, 1, 2, 3]", str(r, "ranks"));
            assertEquals(4, r.value("worldSize"));
            assertEquals("[0.0, 10.0, 20.0, 30.0]", str(r, "sums"));
            assertTrue(out.get("Hello from every rank").contains("[stdout:3] Hello world from rank 3 of 4 on "),
                    out.get("Hello from every rank"));
            assertTrue(out.get("Ranks 0 and 2 only").startsWith("[stdout:0] rank 0 was targeted\n[stdout:2] rank 2 "
                    + "was targeted\n"), out.get("Ranks 0 and 2 only"));
            assertTrue(out.get("A division by zero on rank 1").contains("[error:1] java.lang.ArithmeticException: / by zero"));
        });
        CHECKS.put("02", (r, out) -> {
            assertEquals("[2, 2, 2, 2]", str(r, "groupSizes"));
            assertEquals("[2, 4, 2, 4]", str(r, "subSums"));
            assertEquals("[0/2, 0/2, 1/2, 1/2]", str(r, "splitRanks"));
        });
        CHECKS.put("03", (r, out) -> {
            assertEquals("[, Map(a -> 7, b -> 3.14), , ]", str(r, "dicts"));
            assertEquals("[0.0, 90.0, 0.0, 0.0]", str(r, "received"));
            assertEquals("1,2,3", r.value("senders"));
            double[] times = (double[]) r.value("times");
            assertTrue(times[0] > 0 && times[1] > 0, java.util.Arrays.toString(times));
        });
        CHECKS.put("04", (r, out) -> {
            String report = str(r, "deadlockReport");
            assertTrue(report.contains("rank 0 blocked in recv(int[1], source=1, tag=0)"), report);
            assertTrue(report.contains("rank 1 blocked in recv(int[1], source=0, tag=0)"), report);
            assertTrue(report.contains("the session restarted its 2 ranks: every rank variable was lost"), report);
            assertEquals("[false, false]", str(r, "stillThere"));
            for (String fix : List.of("swapped1", "swapped2", "swapped3")) {
                assertEquals("[1, 0]", str(r, fix), fix);
            }
        });
        CHECKS.put("05", (r, out) -> {
            assertEquals("[45, 45, 45, 45]", str(r, "bcasts"));
            assertEquals(650, r.value("gathered"));
            assertEquals("[0 10 20 30, 1 11 21 31, 2 12 22 32, 3 13 23 33]", str(r, "transposed"));
            assertEquals("[14, 91, 285, 650]", str(r, "reductions"));
            assertEquals(1, r.value("maxAt"));
        });
        CHECKS.put("06", (r, out) -> {
            double pi = (Double) r.value("pi");
            assertTrue(Math.abs(pi - Math.PI) < 1e-10, "pi = " + pi);
            assertTrue(out.get("The table").startsWith("%table ranks\tseconds\tspeed_up\n1\t"), out.get("The table"));
            assertSpeedUpTable(out.get("The table"), 2);
        });
        CHECKS.put("07", (r, out) -> {
            java.awt.image.BufferedImage img = (java.awt.image.BufferedImage) r.value("img");
            assertEquals(600, img.getWidth());
            assertEquals(400, img.getHeight());
            assertEquals(true, r.value("identical"));
            assertTrue(out.get("Show it").startsWith("%html <img alt='the Mandelbrot set, 600x400' src='data:image/png;base64,"));
        });
        CHECKS.put("08", (r, out) -> {
            String table = out.get("Times and speed-ups");
            assertTrue(table.startsWith("%table workers\tthreads_s\tthreads_speed_up\tranks_s\tranks_speed_up\n1\t"), table);
            assertEquals(4, table.lines().takeWhile(l -> !l.isEmpty()).count(), table);
            assertSpeedUpTable(table, 2, 4);
        });
        CHECKS.put("09", (r, out) -> {
            assertTrue((Double) r.value("largestDifference") < 1e-9, str(r, "largestDifference"));
            assertEquals(r.value("spmdIterations"), r.value("sparkIterations"));
            double[][] centres = (double[][]) r.value("spmdCentres");
            double[][] truth = {{0, 0}, {6, 6}, {0, 9}};
            assertTrue(out.get("The centres side by side").startsWith("%table centre\tspmd_x\tspmd_y\tspark_x"));
            for (int j = 0; j < 3; j++) {
                assertTrue(Math.hypot(centres[j][0] - truth[j][0], centres[j][1] - truth[j][1]) < 0.1,
                        "centre " + j + ": " + java.util.Arrays.toString(centres[j]));
            }
        });
    }

    @BeforeAll
    static void startHarness() {
        runner = NoteRunner.local();
    }

    @AfterAll
    static void stopHarness() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void everyNoteIsOneZeppelinCanImportAndClosesWhatItStarts() throws Exception {
        List<Path> files = Notebook.all(NOTES);
        assertEquals(CHECKS.keySet().stream().toList(), files.stream().map(f -> f.getFileName().toString()
                .substring(0, 2)).toList(), "one note per part of the course, each with its checks");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Path f : files) {
            Notebook note = Notebook.read(f);
            assertTrue(ids.add(note.id()), "two notes share the id " + note.id());
            assertTrue(note.paragraphs().get(0).interpreter().equals("%md"), note.name() + " starts with its text");
            String code = String.join("\n", note.paragraphs().stream().map(Notebook.Paragraph::code).toList());
            assertEquals(count(code, "MpiSession.start("), count(code, "px.close()"), note.name() + " closes its session");
        }
    }

    @Test
    void aNoteZeppelinCouldNotImportIsRefusedWithEveryProblem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad_ABCDEFGHI.zpln");
        Files.writeString(bad, """
                {"name": "bad", "id": "ABCDEFGHI", "angularObjects": {}, "config": {}, "info": {},
                 "noteParams": {}, "noteForms": {},
                 "paragraphs": [
                   {"id": "paragraph_1763900000000_1", "text": "%python\\nprint(1)", "config": {},
                    "settings": {"params": {}, "forms": {}}},
                   {"id": "paragraph_1763900000000_1", "text": "%spark\\n1", "config": {},
                    "settings": {"params": {}, "forms": {}}, "results": {"code": "DONE", "msg": []}},
                   {"text": "%md\\nhi", "config": {}, "settings": {"params": {}, "forms": {}}}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.read(bad));
        assertEquals(bad + " is not a note Zeppelin can import:\n"
                + "  paragraph 0: its text must start with a line %md or %spark, not '%python'\n"
                + "  paragraph 1: id paragraph_1763900000000_1 is used twice\n"
                + "  paragraph 1: results.code must be SUCCESS, ERROR or INCOMPLETE, not 'DONE'\n"
                + "  paragraph 2 lacks a text 'id'", e.getMessage());
    }

    @Test
    void everyNoteRunsGreenAndGivesTheCoursesResults() throws Exception {
        for (Path f : Notebook.all(NOTES)) {
            Notebook note = Notebook.read(f);
            long start = System.nanoTime();
            List<NoteRunner.Output> outputs = runner.run(note, o -> { });
            NoteRunner.Output last = outputs.get(outputs.size() - 1);
            assertTrue(last.ok() && outputs.size() == note.paragraphs().size(), () -> note.name() + ": " + last.paragraph()
                    + " failed:\n" + last.paragraph().code() + "\n--- its output:\n" + last.text());
            Map<String, String> byTitle = new LinkedHashMap<>();
            outputs.forEach(o -> byTitle.put(o.paragraph().title(), o.text()));
            CHECKS.get(f.getFileName().toString().substring(0, 2)).accept(runner, byTitle);
            System.out.printf(java.util.Locale.ROOT, "%s: %d paragraphs in %.1f s%n", note.name(), outputs.size(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    @Test
    void aParagraphThatFailsStopsItsNoteWithItsError() {
        Notebook note = new Notebook(Path.of("inline"), "failing", "FAILING00", List.of(
                new Notebook.Paragraph(0, "p0", "", "%spark", "val fine = 1 + 1"),
                new Notebook.Paragraph(1, "p1", "", "%spark", "val wrong: Int = \"text\""),
                new Notebook.Paragraph(2, "p2", "", "%spark", "val never = 3")));
        List<NoteRunner.Output> outputs = runner.run(note, o -> { });
        assertEquals(2, outputs.size());
        assertTrue(outputs.get(0).ok());
        assertFalse(outputs.get(1).ok());
        assertTrue(outputs.get(1).text().contains("type mismatch"), outputs.get(1).text());
        List<NoteRunner.Output> thrown = runner.run(new Notebook(Path.of("inline"), "throwing", "FAILING01", List.of(
                new Notebook.Paragraph(0, "p0", "", "%spark", "throw new IllegalStateException(\"boom\")"))), o -> { });
        assertFalse(thrown.get(0).ok());
        assertTrue(thrown.get(0).text().contains("java.lang.IllegalStateException: boom"), thrown.get(0).text());
    }

    /**
     * The rows of a {@code %table} whose first column counts workers: each speed-up in
     * {@code columns} is the first row's seconds (the column before it) over this row's, 1 on the
     * first row. No bound on the speed-ups themselves: timings belong in benchmarks/, and the JIT
     * moves them (2026-12-08: HotSpot's regular compile of note 06's loop ran 2x slower than the
     * on-stack-replacement compile of the first calls, and the table showed speed-ups of 4-7 on 2
     * cores).
     */
    static void assertSpeedUpTable(String table, int... columns) {
        List<String> rows = table.lines().skip(1).takeWhile(l -> !l.isEmpty()).toList();
        assertFalse(rows.isEmpty(), table);
        String[] first = rows.get(0).split("\t");
        for (String row : rows) {
            String[] cells = row.split("\t");
            Integer.parseInt(cells[0]);
            for (int c : columns) {
                double seconds = Double.parseDouble(cells[c - 1]);
                double speedUp = Double.parseDouble(cells[c]);
                assertTrue(seconds > 0, "no time in:\n" + table);
                assertEquals(Double.parseDouble(first[c - 1]) / seconds, speedUp, 1e-9 * speedUp, table);
            }
        }
    }

    private static String str(NoteRunner r, String term) {
        return String.valueOf(r.value(term));
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
