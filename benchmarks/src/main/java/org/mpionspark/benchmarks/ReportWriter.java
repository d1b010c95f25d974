package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Plots;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.benchmarks.report.Table;
import org.mpionspark.benchmarks.report.Units;

/**
 * Writes a run's {@link Results} as {@code REPORT.md} and its PNG plots into one folder: for every
 * part, medians and the ratios against the peers measured in the same run.
 */
final class ReportWriter {

    private static final long MB = 1 << 20;

    private final Results results;

    ReportWriter(Results results) {
        this.results = results;
    }

    /**
     * Writes the plots, the report (which links them) and the raw medians ({@code results.tsv},
     * from which {@code Report --replot} draws them again) into {@code dir}; returns the report's path.
     */
    Path write(Path dir, String header) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.newDirectoryStream(dir, "*.png")) { // plots of an earlier run must not linger
            for (Path png : old) {
                Files.delete(png);
            }
        }
        List<String> plots = plots(dir);
        Path report = dir.resolve("REPORT.md");
        Files.writeString(report, markdown(header, plots));
        results.writeTsv(dir.resolve("results.tsv"), header);
        return report;
    }

    /** The report; {@code plots} are the PNG file names to show, in order. */
    String markdown(String header, List<String> plots) {
        StringBuilder md = new StringBuilder(header).append('\n');
        md.append("## Allreduce, 4 ranks: 8 MB and 64 MB per rank\n\n").append(headline().markdown()).append('\n');
        md.append(new ClusterTables(results).markdown());
        md.append("## Allreduce of a double vector\n\n")
          .append("Median time of one allreduce (SUM) of `bytes/8` doubles per rank; each repetition starts after "
                  + "a barrier and lasts as long as its slowest rank. Spark's lines include the broadcast that puts "
                  + "the sum on every partition, as an allreduce does. busbw = bytes x 2(N-1)/N / time.\n\n");
        for (String master : masters(AllreduceSection.SECTION)) {
            for (int n : rankCounts(AllreduceSection.SECTION, master)) {
                md.append("### ").append(n).append(" ranks, ").append(master).append("\n\n")
                  .append(allreduceTable(master, n, Measurement::medianMs, Units::millis, true).markdown()).append('\n')
                  .append("Bus bandwidth:\n\n")
                  .append(allreduceTable(master, n, Measurement::busbwGBs, Units::gbs, false).markdown()).append('\n');
            }
        }
        notes(md, AllreduceSection.SECTION);
        md.append("## Point-to-point: ping-pong\n\nOne-way time (half a round trip) between two ranks, then bandwidth "
                + "(bytes / one-way time). Columns: the method [where it ran].\n\n")
          .append(pingPong(m -> Units.millis(m.medianMs())).markdown()).append('\n')
          .append(pingPong(m -> Units.gbs(m.algbwGBs())).markdown()).append('\n');
        notes(md, PingPongSection.SECTION);
        for (String[] s : List.of(
                new String[] {StageSection.SECTION, "Stage overhead and the whole job", null},
                new String[] {ScalingSection.SECTION, "Strong scaling", null},
                new String[] {KMeansSection.SECTION, "A real workload: k-means", KMeansSection.BASELINE})) {
            if (!results.section(s[0]).isEmpty() || !results.notes(s[0]).isEmpty()) {
                md.append("## ").append(s[1]).append("\n\n");
                md.append(s[0].equals(ScalingSection.SECTION) ? scaling().markdown()
                        : generic(s[0], s[2] != null ? method -> s[2] : StageSection::baselineOf).markdown());
                md.append('\n');
                notes(md, s[0]);
            }
        }
        if (!plots.isEmpty()) {
            md.append("## Plots\n\n");
            for (String p : plots) {
                md.append("![").append(p).append("](").append(p).append(")\n\n");
            }
        }
        return md.toString();
    }

    /** The table: ours, MPJ's, Spark treeReduce and reduce, Open MPI, at 4 ranks, 8 and 64 MB. */
    Table headline() {
        List<String> methods = List.of(AllreduceSection.OURS, AllreduceSection.MPJ, AllreduceSection.TREE_REDUCE,
                AllreduceSection.REDUCE, NativeMpi.METHOD);
        List<String> header = new ArrayList<>(List.of("master", "bytes/rank"));
        header.addAll(methods);
        header.addAll(List.of("treeReduce / ours", "reduce / ours", "ours / Open MPI"));
        Table t = new Table(header);
        for (String master : masters(AllreduceSection.SECTION)) {
            for (long bytes : new long[] {8 * MB, 64 * MB}) {
                if (allreduce(master, AllreduceSection.OURS, 4, bytes).isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(master, Units.bytes(bytes)));
                for (String m : methods) {
                    row.add(allreduce(master, m, 4, bytes).map(x -> Units.millis(x.medianMs())).orElse("—"));
                }
                row.add(ratio(allreduce(master, AllreduceSection.TREE_REDUCE, 4, bytes), allreduce(master, AllreduceSection.OURS, 4, bytes)));
                row.add(ratio(allreduce(master, AllreduceSection.REDUCE, 4, bytes), allreduce(master, AllreduceSection.OURS, 4, bytes)));
                row.add(ratio(allreduce(master, AllreduceSection.OURS, 4, bytes), allreduce(master, NativeMpi.METHOD, 4, bytes)));
                t.row(row);
            }
        }
        return t;
    }

    private Table allreduceTable(String master, int ranks, Function<Measurement, Double> value,
                                 Function<Double, String> format, boolean ratios) {
        List<String> methods = methods(AllreduceSection.SECTION, master, ranks);
        boolean hasNative = !methods.contains(NativeMpi.METHOD) && !results.where(m -> m.section().equals(AllreduceSection.SECTION)
                && m.master().equals(NativeMpi.MASTER) && m.ranks() == ranks).isEmpty();
        if (hasNative) {
            methods.add(NativeMpi.METHOD);
        }
        List<String> header = new ArrayList<>(List.of("bytes/rank"));
        header.addAll(methods);
        if (ratios) {
            header.addAll(List.of("treeReduce / ours", "ours / Open MPI"));
        }
        Table t = new Table(header);
        for (long bytes : sizes(AllreduceSection.SECTION, master, ranks)) {
            List<String> row = new ArrayList<>(List.of(Units.bytes(bytes)));
            for (String m : methods) {
                row.add(allreduce(master, m, ranks, bytes).map(x -> format.apply(value.apply(x))).orElse("—"));
            }
            if (ratios) {
                Optional<Measurement> ours = allreduce(master, AllreduceSection.OURS, ranks, bytes);
                row.add(ratio(allreduce(master, AllreduceSection.TREE_REDUCE, ranks, bytes), ours));
                row.add(ratio(ours, allreduce(master, NativeMpi.METHOD, ranks, bytes)));
            }
            t.row(row);
        }
        return t;
    }

    /**
     * A measurement of the allreduce part; Open MPI's is the master's own where it has one (the
     * namespace cluster), else this machine's.
     */
    private Optional<Measurement> allreduce(String master, String method, int ranks, long bytes) {
        Optional<Measurement> own = results.find(AllreduceSection.SECTION, method, master, ranks, bytes);
        return own.isPresent() || !method.equals(NativeMpi.METHOD) ? own
                : results.find(AllreduceSection.SECTION, method, NativeMpi.MASTER, ranks, bytes);
    }

    private Table pingPong(Function<Measurement, String> cell) {
        List<Measurement> all = results.section(PingPongSection.SECTION);
        Set<String> columns = new LinkedHashSet<>();
        all.forEach(m -> columns.add(m.method() + " [" + m.master() + "]"));
        List<String> header = new ArrayList<>(List.of("bytes"));
        for (String c : columns) {
            header.add(c);
        }
        Table t = new Table(header);
        for (long bytes : all.stream().mapToLong(Measurement::bytes).distinct().sorted().toArray()) {
            List<String> row = new ArrayList<>(List.of(Units.bytes(bytes)));
            for (String c : columns) {
                row.add(all.stream().filter(m -> m.bytes() == bytes && c.equals(m.method() + " [" + m.master() + "]"))
                        .findFirst().map(cell).orElse("—"));
            }
            t.row(row);
        }
        return t;
    }

    /**
     * Any section as rows of median, min, max, and the time of each row over its baseline's (the
     * method {@code baselineOf} names, measured with the same master and ranks).
     */
    private Table generic(String section, Function<String, String> baselineOf) {
        Table t = new Table(List.of("what", "master", "ranks", "median", "min", "max", "n", "time / baseline's",
                "baseline"));
        for (Measurement m : results.section(section)) {
            String baseline = baselineOf.apply(m.method());
            Optional<Measurement> base = results.where(b -> b.section().equals(section)
                    && b.method().equals(baseline) && b.master().equals(m.master()) && b.ranks() == m.ranks()
                    && b.bytes() == m.bytes()).stream().findFirst();
            t.row(List.of(m.method(), m.master(), Integer.toString(m.ranks()), Units.millis(m.medianMs()),
                    Units.millis(m.minMs()), Units.millis(m.maxMs()), Integer.toString(m.reps()),
                    ratio(Optional.of(m), base), baseline));
        }
        return t;
    }

    private Table scaling() {
        List<Measurement> all = results.section(ScalingSection.SECTION);
        int[] workers = all.stream().mapToInt(Measurement::ranks).distinct().sorted().toArray();
        List<String> header = new ArrayList<>(List.of("workload", "master"));
        for (int w : workers) {
            header.add(w + (w == 1 ? " worker" : " workers"));
        }
        Table t = new Table(header);
        Set<String> keys = new LinkedHashSet<>();
        all.forEach(m -> keys.add(m.method() + "\t" + m.master()));
        for (String k : keys) {
            String[] mk = k.split("\t");
            Optional<Measurement> one = all.stream().filter(m -> m.method().equals(mk[0]) && m.master().equals(mk[1])
                    && m.ranks() == 1).findFirst();
            List<String> row = new ArrayList<>(List.of(mk[0], mk[1]));
            for (int w : workers) {
                row.add(all.stream().filter(m -> m.method().equals(mk[0]) && m.master().equals(mk[1]) && m.ranks() == w)
                        .findFirst().map(m -> Units.millis(m.medianMs()) + one.map(o -> " (" + Units.ratio(o.medianMs()
                                / m.medianMs()) + ")").orElse("")).orElse("—"));
            }
            t.row(row);
        }
        return t;
    }

    private List<String> plots(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        for (String master : masters(AllreduceSection.SECTION)) {
            for (int n : rankCounts(AllreduceSection.SECTION, master)) {
                boolean ownMpi = methods(AllreduceSection.SECTION, master, n).contains(NativeMpi.METHOD);
                List<Measurement> ms = results.where(m -> m.section().equals(AllreduceSection.SECTION)
                        && (m.master().equals(master) || !ownMpi && m.master().equals(NativeMpi.MASTER)) && m.ranks() == n);
                String slug = slug(master) + "-" + n + "ranks";
                files.add(Plots.sizePlot("Allreduce time, " + n + " ranks, " + master, "median time per allreduce (ms, log scale)",
                        Plots.bySize(ms, Measurement::medianMs), dir.resolve("allreduce-time-" + slug + ".png")).getFileName().toString());
                files.add(Plots.sizePlot("Allreduce bus bandwidth, " + n + " ranks, " + master, "busbw (GB/s, log scale)",
                        Plots.bySize(ms, Measurement::busbwGBs), dir.resolve("allreduce-busbw-" + slug + ".png")).getFileName().toString());
            }
        }
        List<Measurement> pp = results.section(PingPongSection.SECTION);
        if (!pp.isEmpty()) {
            files.add(Plots.sizePlot("Ping-pong one-way time, 2 ranks", "one-way time (ms, log scale)",
                    Plots.bySize(pp, Measurement::medianMs), dir.resolve("pingpong-time.png")).getFileName().toString());
            files.add(Plots.sizePlot("Ping-pong bandwidth, 2 ranks", "bandwidth (GB/s, log scale)",
                    Plots.bySize(pp, Measurement::algbwGBs), dir.resolve("pingpong-bandwidth.png")).getFileName().toString());
        }
        files.addAll(new ClusterTables(results).plots(dir));
        List<Measurement> sc = results.section(ScalingSection.SECTION);
        if (!sc.isEmpty()) {
            files.add(Plots.speedupPlot("Strong scaling: speed-up over one worker", ScalingSection.speedups(sc),
                    dir.resolve("scaling-speedup.png")).getFileName().toString());
        }
        return files;
    }

    private void notes(StringBuilder md, String section) {
        for (String n : results.notes(section)) {
            md.append("- ").append(n).append('\n');
        }
        if (!results.notes(section).isEmpty()) {
            md.append('\n');
        }
    }

    private List<String> masters(String section) {
        Set<String> out = new LinkedHashSet<>();
        results.section(section).stream().map(Measurement::master).filter(m -> !m.equals(NativeMpi.MASTER)).forEach(out::add);
        return new ArrayList<>(out);
    }

    private int[] rankCounts(String section, String master) {
        return results.section(section).stream().filter(m -> m.master().equals(master)).mapToInt(Measurement::ranks)
                .distinct().sorted().toArray();
    }

    private long[] sizes(String section, String master, int ranks) {
        return results.section(section).stream().filter(m -> m.master().equals(master) && m.ranks() == ranks)
                .mapToLong(Measurement::bytes).distinct().sorted().toArray();
    }

    private List<String> methods(String section, String master, int ranks) {
        Set<String> out = new LinkedHashSet<>();
        results.section(section).stream().filter(m -> m.master().equals(master) && m.ranks() == ranks)
                .map(Measurement::method).forEach(out::add);
        return new ArrayList<>(out);
    }

    private static String ratio(Optional<Measurement> num, Optional<Measurement> den) {
        return num.isPresent() && den.isPresent() && den.get() != num.get()
                ? Units.ratio(num.get().medianMs() / den.get().medianMs()) : (num.isPresent() && den.isPresent() ? "1.0x" : "—");
    }

    static String slug(String master) {
        return master.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
