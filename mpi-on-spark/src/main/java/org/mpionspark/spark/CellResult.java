package org.mpionspark.spark;

import java.util.List;

/**
 * What one cell of an {@link MpiSession} gave, per targeted rank in rank order: its value (null
 * where it failed), what it printed, and its error (null where it succeeded).
 *
 * @param ranks   the ranks the cell ran on, ascending
 * @param values  each rank's value
 * @param stdout  what each rank printed to stdout
 * @param stderr  what each rank printed to stderr
 * @param errors  each rank's error, e.g. {@code java.lang.ArithmeticException: / by zero}, or null
 * @param session what the session itself has to say (its ranks restarted, their state lost), or ""
 */
public record CellResult<R>(List<Integer> ranks, List<R> values, List<String> stdout, List<String> stderr,
                            List<String> errors, String session) {

    /** Whether some rank failed, or the session had to restart its ranks. */
    public boolean failed() {
        return !session.isEmpty() || errors.stream().anyMatch(e -> e != null);
    }

    /** Rank {@code rank}'s value. */
    public R value(int rank) {
        int i = ranks.indexOf(rank);
        if (i < 0) {
            throw new IllegalArgumentException("rank " + rank + " was not a target of this cell; its targets: " + ranks);
        }
        return values.get(i);
    }

    /**
     * Every rank's output in rank order, as ipyparallel's {@code %%px} shows it: {@code [stdout:0] ...},
     * {@code [stderr:0] ...}, then {@code [error:0] ...} for a rank that failed.
     */
    public String formatted() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ranks.size(); i++) {
            SpmdResult.append(s, "stdout", ranks.get(i), stdout.get(i));
            SpmdResult.append(s, "stderr", ranks.get(i), stderr.get(i));
            if (errors.get(i) != null) {
                SpmdResult.append(s, "error", ranks.get(i), errors.get(i));
            }
        }
        if (!session.isEmpty()) {
            s.append("[session] ").append(session).append('\n');
        }
        return s.toString();
    }

    /** The failed ranks' errors and the session's note in one line each, for an exception's message. */
    String failures() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ranks.size(); i++) {
            if (errors.get(i) != null) {
                s.append("\n  rank ").append(ranks.get(i)).append(": ").append(errors.get(i).lines().findFirst().orElse(""));
            }
        }
        if (!session.isEmpty()) {
            s.append("\n  session: ").append(session);
        }
        return s.toString();
    }
}
