package org.mpionspark.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: a header row, then rows of cells; a missing cell prints as a dash. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    public Table row(List<String> cells) {
        rows.add(new ArrayList<>(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|').append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>(r);
            while (cells.size() < header.size()) {
                cells.add("—");
            }
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c == null || c.isEmpty() ? "—" : c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
