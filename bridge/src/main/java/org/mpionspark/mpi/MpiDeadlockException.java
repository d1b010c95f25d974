package org.mpionspark.mpi;

import java.util.List;

/**
 * Every rank of a world was blocked in an MPI call that could not progress (the driver's
 * watchdog saw no rank move a byte for {@code spark.mpi.deadlock.timeout}); the message lists
 * each rank's pending call, e.g. {@code rank 0 blocked in recv(int[1], source=1, tag=0)}.
 */
public class MpiDeadlockException extends MpiException {

    private static final long serialVersionUID = 1L;

    private final List<String> calls;

    /** {@code calls}: the pending call of each rank, in rank order. */
    public MpiDeadlockException(String message, List<String> calls) {
        super(message, -1, null, -1, null);
        this.calls = List.copyOf(calls);
    }

    /** What each rank was blocked in, in rank order. */
    public List<String> calls() {
        return calls;
    }
}
