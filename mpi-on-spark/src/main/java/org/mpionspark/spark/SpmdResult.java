package org.mpionspark.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What {@link JavaMpiContext#runWithOutput} returns: each rank's value and what it printed to
 * stdout and stderr, in rank order (the output of ipyparallel's {@code %%px}).
 */
public record SpmdResult<R>(List<R> values, List<String> stdout, List<String> stderr) implements Serializable {

    /**
     * Every rank's output in rank order, each line prefixed as ipyparallel does:
     * {@code [stdout:0] hello from 0}, then {@code [stderr:0] ...}; ranks that printed nothing are left out.
     */
    public String formatted() {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < values.size(); r++) {
            append(s, "stdout", r, stdout.get(r));
            append(s, "stderr", r, stderr.get(r));
        }
        return s.toString();
    }

    /** Appends {@code text}'s lines, each prefixed {@code [stream:rank] }; empty lines are left out. */
    static void append(StringBuilder s, String stream, int rank, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                s.append('[').append(stream).append(':').append(rank).append("] ").append(line).append('\n');
            }
        }
    }
}
