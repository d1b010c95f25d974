package org.mpionspark.benchmarks.report;

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
                .toList();
    }

    public synchronized List<Measurement> where(Predicate<Measurement> p) {
        return Collections.unmodifiableList(all.stream().filter(p).toList());
    }

    public synchronized List<Measurement> section(String section) {
        return where(m -> m.section().equals(section));
    }

    public Optional<Measurement> find(String section, String method, String master, int ranks, long bytes) {
        return where(m -> m.section().equals(section) && m.method().equals(method) && m.master().equals(master)
                && m.ranks() == ranks && m.bytes() == bytes).stream().findFirst();
    }
}
