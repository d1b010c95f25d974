package org.mpionspark.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Everything one run measured, in the order measured, with the notes the report prints beside it. */
public final class Results {

    private final List<Measurement> all = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(Measurement m) {
        all.add(m);
        System.out.printf("  %-10s %-38s %-24s %2d ranks %12s  median %10.3f ms (min %.3f, max %.3f, n=%d)%n",
                m.section(), m.method(), m.master(), m.ranks(), Units.bytes(m.bytes()), m.medianMs(), m.minMs(),
                m.maxMs(), m.reps());
    }

    public synchronized void addAll(List<Measurement> ms) {
        ms.forEach(this::add);
    }

    /** A remark the report prints under its section: something not measured, and why. */
    public synchronized void note(String section, String text) {
        notes.add(section + "\t" + text);
        System.out.println("  note (" + section + "): " + text);
    }

    public synchronized List<String> notes(String section) {
        return notes.stream().filter(n -> n.startsWith(section + "\t")).map(n -> n.substring(section.length() + 1))
                .distinct().toList(); // the same remark for every size is said once
    }

    public synchronized List<Measurement> where(Predicate<Measurement> p) {
        return Collections.unmodifiableList(all.stream().filter(p).toList());
    }

    public synchronized List<Measurement> section(String section) {
        return where(m -> m.section().equals(section));
    }

    /**
     * Writes every measurement and note as tab-separated lines, after the report's {@code header}
     * (lines starting {@code #header}), so that a report can be drawn again from it ({@link #readTsv}).
     */
    public synchronized void writeTsv(Path file, String header) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : header.split("\n", -1)) {
            sb.append("#header\t").append(line).append('\n');
        }
        sb.append("section\tmethod\tmaster\tranks\tbytes\tmedian_ms\tmin_ms\tmax_ms\treps\n");
        for (Measurement m : all) {
            sb.append(String.join("\t", m.section(), m.method(), m.master(), Integer.toString(m.ranks()),
                    Long.toString(m.bytes()), Double.toString(m.medianMs()), Double.toString(m.minMs()),
                    Double.toString(m.maxMs()), Integer.toString(m.reps()))).append('\n');
        }
        for (String n : notes) {
            sb.append("#note\t").append(n).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /** The results and the header (second element) in a file {@link #writeTsv} wrote. */
    public static java.util.Map.Entry<Results, String> readTsv(Path file) throws IOException {
        Results r = new Results();
        StringBuilder header = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("#header")) {
                header.append(line.substring("#header\t".length())).append('\n');
            } else if (f[0].equals("#note")) {
                r.notes.add(f[1] + "\t" + f[2]);
            } else if (!f[0].equals("section") && f.length == 9) {
                r.all.add(new Measurement(f[0], f[1], f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Integer.parseInt(f[8])));
            }
        }
        String h = header.toString();
        return java.util.Map.entry(r, h.endsWith("\n") ? h.substring(0, h.length() - 1) : h);
    }

    public Optional<Measurement> find(String section, String method, String master, int ranks, long bytes) {
        return where(m -> m.section().equals(section) && m.method().equals(method) && m.master().equals(master)
                && m.ranks() == ranks && m.bytes() == bytes).stream().findFirst();
    }
}
