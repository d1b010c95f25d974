package org.mpionspark.mpj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * MPJ Express's own test programs (vendored unchanged under {@code src/test/java/mpi/}), run in
 * batches: one SPMD stage runs many programs one after another on every rank, each in its own
 * {@link ProgramLoader}. A program's verdict is read from its output as MPJ Express's suite reports
 * it ({@code TEST COMPLETE}, {@code PASSED}, or an {@code ERROR}/{@code FAILED}/{@code bad} line)
 * and from each rank's end: a rank that threw (the programs swallow their exceptions, so that
 * shows as a missing {@code MPI.Finalize}) fails the program.
 */
final class MpjSuite {

    static final Path SOURCES = Path.of("src/test/java/mpi");
    private static final String MARK = "@@mpj-program ";
    private static final Pattern COMPLETE = Pattern.compile("(?i)TEST COMPLETE|PASSED");
    private static final Pattern FAILURE = Pattern.compile("(?i)\\b(error|errors|fail|failed|bad|wrong|should be)\\b");

    /** Programs left out, and why (the module README lists them). */
    static final Map<String, String> LEFT_OUT = new TreeMap<>(Map.ofEntries(
            Map.entry("pt2pt.BufferTest3", "tests MPJ Express's internal buffer classes (mpjbuf), not the MPI API"),
            Map.entry("pt2pt.BufferBench1", "a benchmark of MPJ Express's internal buffers (mpjbuf)"),
            Map.entry("pt2pt.BufferBench2", "a benchmark of MPJ Express's internal buffers (mpjbuf)"),
            Map.entry("pt2pt.dacian_test", "no main method (a helper the MPJ TestSuite constructs)"),
            Map.entry("pt2pt.isend2", "no main method (a helper the MPJ TestSuite constructs)"),
            Map.entry("pt2pt.cancel1", "its main is empty: the test is in a constructor nothing calls (its Isend, Cancel, "
                    + "Wait runs as MpjFacadeLocalModeTest's cancel case)"),
            Map.entry("comm.intercomm", "inter-communicators (Create_intercomm) are not supported"),
            Map.entry("comm.intercomm_test", "inter-communicators (Create_intercomm) are not supported"),
            Map.entry("topo.graph", "graph topologies (Create_graph) are not supported"),
            Map.entry("dtyp.pack", "MPI_Pack/Unpack into MPJ Express's mpjbuf.Buffer: not supported"),
            Map.entry("pt2pt.Isend_eager", "hangs under any MPI: rank 0 sends 13 rounds of messages, rank 1 waits for 125 "
                    + "(not in MPJ Express's TestSuite)"),
            Map.entry("pt2pt.Isend_rendez_fairness", "prints FAILED under any MPI: it checks for values its senders never set "
                    + "(not in MPJ Express's TestSuite)"),
            Map.entry("pt2pt.start2", "its main is empty: the test is in a constructor nothing calls (not in MPJ Express's TestSuite)"),
            Map.entry("dtyp.zero1", "expects MPI_Get_count of a zero-size type (a Struct of nothing) to give the count sent; "
                    + "such types hold no buffer type here and are refused"),
            Map.entry("env.InputTester", "reads the console (stdin), which a Spark task does not have"),
            Map.entry("env.abort", "calls Abort on purpose: run by MpjFacadeLocalModeTest, which checks the world fails naming the code")));

    /** Ranks a program needs, where it is not its folder's. */
    private static final Map<String, Integer> RANKS = Map.of(
            "topo.cart", 6, "topo.sub", 6, "topo.cart_topo", 8, "topo.sub2", 8, "topo.map", 8,
            "group.group", 8, "group.range", 8, "ccl.allgatherv", 3, "ccl_ObjSer.reduce_scatterO.reduce_scatterO", 2);

    /** Ranks of each folder's programs. */
    static final Map<String, Integer> FOLDERS = new LinkedHashMap<>();

    static {
        FOLDERS.put("pt2pt", 2);
        FOLDERS.put("pt2pt_ObjSer", 2);
        FOLDERS.put("ccl", 4);
        FOLDERS.put("ccl_ObjSer", 4);
        FOLDERS.put("env", 2);
        FOLDERS.put("group", 8);
        FOLDERS.put("comm", 8);
        FOLDERS.put("topo", 4);
        FOLDERS.put("dtyp", 2);
    }

    /** The folders to run: all, or those of {@code -Dmpj.folders=pt2pt,ccl} (to look into one). */
    static List<String> folders() {
        String only = System.getProperty("mpj.folders", "");
        return only.isBlank() ? List.copyOf(FOLDERS.keySet()) : List.of(only.split(","));
    }

    /** One program's verdict on one placement. */
    record Verdict(String program, int ranks, boolean passed, String why, String output) {
    }

    private MpjSuite() {
    }

    /** The programs of {@code folder} (class names; a few programs have no package), with a main, not left out, by rank count. */
    static Map<Integer, List<String>> programs(String folder) {
        Map<Integer, List<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(folder))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                String rel = SOURCES.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                java.util.regex.Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(src);
                String simple = f.getFileName().toString().replaceAll("\\.java$", "");
                String className = pkg.find() ? pkg.group(1) + "." + simple : simple;
                if (!src.contains("void main(") || LEFT_OUT.containsKey(rel)) {
                    continue;
                }
                out.computeIfAbsent(RANKS.getOrDefault(rel, FOLDERS.get(folder)), k -> new ArrayList<>()).add(className);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every program of {@code folder} on its rank count; one stage per rank count, each program alone again if a stage fails. */
    static List<Verdict> runFolder(JavaMpiContext mpi, String folder) {
        List<Verdict> out = new ArrayList<>();
        programs(folder).forEach((ranks, names) -> out.addAll(run(mpi, ranks, names)));
        return out;
    }

    static List<Verdict> run(JavaMpiContext mpi, int ranks, List<String> names) {
        SpmdResult<List<String>> r;
        try {
            r = mpi.runWithOutput(ranks, comm -> {
                List<String> errors = new ArrayList<>();
                for (String name : names) {
                    System.out.println(MARK + name);
                    try {
                        ProgramRun.run(comm, name, new String[0]);
                        errors.add("");
                    } catch (Throwable t) {
                        errors.add(t.toString());
                    }
                }
                return errors;
            });
        } catch (RuntimeException e) {
            if (names.size() == 1) {
                return List.of(new Verdict(names.get(0), ranks, false, "the world failed: " + e.getMessage(), ""));
            }
            List<Verdict> one = new ArrayList<>();
            for (String name : names) {
                one.addAll(run(mpi, ranks, List.of(name)));
            }
            return one;
        }
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(verdict(names.get(i), ranks, i, r));
        }
        return out;
    }

    private static Verdict verdict(String name, int ranks, int index, SpmdResult<List<String>> r) {
        boolean complete = false;
        StringBuilder printed = new StringBuilder();
        for (int rank = 0; rank < ranks; rank++) {
            printed.append("[rank ").append(rank).append("]\n").append(section(r.stdout().get(rank), name));
        }
        String output = printed.toString();
        for (int rank = 0; rank < ranks; rank++) {
            String error = r.values().get(rank).get(index);
            if (!error.isEmpty()) {
                return new Verdict(name, ranks, false, "rank " + rank + " threw " + error, output);
            }
            for (String line : section(r.stdout().get(rank), name).split("\n")) {
                if (FAILURE.matcher(line).find()) {
                    return new Verdict(name, ranks, false, "rank " + rank + " printed: " + line.strip(), output);
                }
                complete |= COMPLETE.matcher(line).find();
            }
        }
        String code = source(name).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        boolean reports = COMPLETE.matcher(code).find();
        return complete || !reports ? new Verdict(name, ranks, true, "", output)
                : new Verdict(name, ranks, false, "no rank printed TEST COMPLETE", output);
    }

    /** What a rank printed while it ran {@code name}. */
    private static String section(String stdout, String name) {
        int from = stdout.indexOf(MARK + name + "\n");
        if (from < 0) {
            return "";
        }
        from += MARK.length() + name.length() + 1;
        int to = stdout.indexOf(MARK, from);
        return to < 0 ? stdout.substring(from) : stdout.substring(from, to);
    }

    private static String source(String name) {
        try {
            String file = name.startsWith("mpi.") ? name.substring(4).replace('.', '/') : name;
            try (Stream<Path> found = Files.walk(SOURCES)) {
                Path p = name.startsWith("mpi.") ? SOURCES.resolve(file + ".java")
                        : found.filter(f -> f.getFileName().toString().equals(file + ".java")).findFirst().orElseThrow();
                return Files.readString(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs every folder, writes the summary to {@code target/mpj-suite-NAME.txt} and what each failed
     * program printed to {@code target/mpj-suite-NAME-failed.txt}; returns the programs that failed.
     */
    static List<Verdict> runAndReport(JavaMpiContext mpi, String placement, String name) throws IOException {
        Map<String, List<Verdict>> all = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (String folder : folders()) {
            all.put(folder, runFolder(mpi, folder));
        }
        String summary = summary(placement, all) + String.format("took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.print(summary);
        Files.writeString(Path.of("target/mpj-suite-" + name + ".txt"), summary);
        List<Verdict> failed = all.values().stream().flatMap(List::stream).filter(v -> !v.passed()).toList();
        StringBuilder out = new StringBuilder();
        failed.forEach(v -> out.append("==== ").append(v.program()).append(": ").append(v.why()).append('\n')
                .append(v.output()).append('\n'));
        Files.writeString(Path.of("target/mpj-suite-" + name + "-failed.txt"), out);
        return failed;
    }

    /** One line per folder, and the failures. */
    static String summary(String placement, Map<String, List<Verdict>> byFolder) {
        StringBuilder s = new StringBuilder("MPJ Express test suite on " + placement + "\n");
        byFolder.forEach((folder, vs) -> s.append(String.format("%-13s %d/%d passed%n", folder,
                vs.stream().filter(Verdict::passed).count(), vs.size())));
        byFolder.values().stream().flatMap(List::stream).filter(v -> !v.passed())
                .forEach(v -> s.append("FAILED ").append(v.program()).append(" on ").append(v.ranks()).append(" ranks: ")
                        .append(v.why()).append('\n'));
        return s.toString();
    }
}
