package org.mpionspark.mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A non-blocking operation in flight ({@code MPI_Request}), from {@code isend} or {@code irecv}.
 * Both {@link #waitFor()} and {@link #test()} end with an {@link MpiException} when the world is
 * aborted or the peer does not answer within the operation timeout, so even a loop of
 * {@code test()} cannot spin forever.
 */
public interface Request {

    /** Blocks until the operation completes ({@code MPI_Wait}); a receive's status says what arrived. */
    Status waitFor();

    /** The status if the operation has completed, else empty; never blocks ({@code MPI_Test}). */
    Optional<Status> test();

    /** Waits for every request, in order ({@code MPI_Waitall}); returns their statuses. */
    static List<Status> waitAll(Request... requests) {
        List<Status> out = new ArrayList<>(requests.length);
        for (Request r : requests) {
            out.add(r.waitFor());
        }
        return out;
    }

    /** Waits until one of the requests completes and returns its index ({@code MPI_Waitany}). */
    static int waitAny(Request... requests) {
        if (requests.length == 0) {
            throw new IllegalArgumentException("waitAny of no request");
        }
        long park = 1_000;
        while (true) {
            for (int i = 0; i < requests.length; i++) {
                if (requests[i].test().isPresent()) {
                    return i;
                }
            }
            LockSupport.parkNanos(park);
            park = Math.min(200_000, park * 2);
        }
    }
}
