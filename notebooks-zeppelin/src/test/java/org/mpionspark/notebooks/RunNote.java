package org.mpionspark.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs notes headless, as Zeppelin would, and prints each paragraph's output:
 * {@code mvn -B -q package -DskipTests -pl notebooks-zeppelin -am -Dnote=pi} (a part of a note's
 * file name, a path, or {@code all}; several separated by commas). Exits with 1 at the first paragraph that fails.
 */
public final class RunNote {

    private RunNote() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("notes");
        List<Path> notes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"all"} : args) {
            for (String one : a.split(",")) {
                notes.addAll(find(dir, one.trim()));
            }
        }
        boolean ok = true;
        long start = System.nanoTime();
        try (NoteRunner runner = NoteRunner.local()) {
            for (Path f : notes) {
                Notebook note = Notebook.read(f);
                System.out.println("\n======== " + note.name() + " (" + f.getFileName() + ")");
                List<NoteRunner.Output> out = runner.run(note, RunNote::print);
                if (out.isEmpty() || !out.get(out.size() - 1).ok()) {
                    ok = false;
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %d note(s) in %.1f s%n", ok ? "OK" : "FAILED", notes.size(),
                (System.nanoTime() - start) / 1e9);
        System.exit(ok ? 0 : 1);
    }

    private static void print(NoteRunner.Output o) {
        Notebook.Paragraph p = o.paragraph();
        if (!p.isSpark()) {
            System.out.println("\n--- " + p + " %md\n" + o.text());
            return;
        }
        System.out.println("\n--- " + p + " %spark" + (o.ok() ? "" : " FAILED") + " (" + o.millis() + " ms)\n" + p.code().strip()
                + "\n--- output:\n" + o.text());
    }

    private static List<Path> find(Path dir, String which) throws java.io.IOException {
        Path given = Path.of(which);
        if (Files.isRegularFile(given)) {
            return List.of(given);
        }
        List<Path> all = Notebook.all(dir);
        if (which.equals("all")) {
            return all;
        }
        List<Path> hits = all.stream().filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                .contains(which.toLowerCase(Locale.ROOT))).toList();
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("no note in " + dir.toAbsolutePath() + " is named like '" + which
                    + "'; the notes: " + all.stream().map(f -> f.getFileName().toString()).toList());
        }
        return hits;
    }
}
