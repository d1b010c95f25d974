package org.mpionspark.mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * A non-blocking operation in flight ({@code MPI_Request}), from {@code isend} or {@code irecv}.
 * Both {@link #waitFor()} and {@link #test()} end with an {@link MpiException} when the world is
 * aborted or the peer does not answer within the operation timeout, so even a loop of
 * {@code test()} cannot spin forever. {@code waitAny} and {@code waitSome} are watched as one
 * blocking call, and a rank that only polls requests that never complete is a deadlock too.
 */
public interface Request {

    /** Blocks until the operation completes ({@code MPI_Wait}); a receive's status says what arrived. */
    Status waitFor();

    /** The status if the operation has completed, else empty; never blocks ({@code MPI_Test}). */
    Optional<Status> test();

    /**
     * Withdraws a receive that no message has matched yet ({@code MPI_Cancel}) and returns true: it
     * will take no message, and it completes at once with a status whose {@link Status#cancelled()}
     * is true. False when it cannot be cancelled, and it completes as it would have: a receive that
     * already matched a message, a send (MPI lets a cancel of a send fail; here it always does), a
     * non-blocking collective, a request to {@code PROC_NULL}. A cancelled receive stays cancelled.
     */
    default boolean cancel() {
        return false;
    }

    /**
     * Internal, for the engine behind {@link Communicator}: how this request's rank waits on and
     * polls several requests as one call, so that {@code waitAny}, {@code waitSome} and the test
     * calls are bounded, freed by aborts and seen by the deadlock watchdog; null for other requests.
     */
    default Waits waits() {
        return null;
    }

    /** Internal: see {@link Request#waits()}. */
    interface Waits {
        /** Blocks until one of {@code requests} completes ({@code call}: waitAny or waitSome); the indices of all that have. */
        int[] waitSome(String call, Request[] requests);

        /** The indices of the requests that have completed, maybe none; never blocks ({@code call}: testAny, testSome or testAll). */
        int[] testSome(String call, Request[] requests);
    }

    /** Waits for every request, in order ({@code MPI_Waitall}); returns their statuses. */
    static List<Status> waitAll(Request... requests) {
        if (requests == null) {
            throw new IllegalArgumentException("waitAll: the requests are null");
        }
        if (requests.length > 0) {
            checked("waitAll", requests);
        }
        List<Status> out = new ArrayList<>(requests.length);
        for (Request r : requests) {
            out.add(r.waitFor());
        }
        return out;
    }

    /** As {@link #waitAll(Request...)}, for a list of requests. */
    static List<Status> waitAll(List<? extends Request> requests) {
        return waitAll(array("waitAll", requests));
    }

    /** As {@link #testAll(Request...)}, for a list of requests. */
    static Optional<List<Status>> testAll(List<? extends Request> requests) {
        return testAll(array("testAll", requests));
    }

    /** As {@link #waitAny(Request...)}, for a list of requests. */
    static int waitAny(List<? extends Request> requests) {
        return waitAny(array("waitAny", requests));
    }

    /** As {@link #testAny(Request...)}, for a list of requests. */
    static OptionalInt testAny(List<? extends Request> requests) {
        return testAny(array("testAny", requests));
    }

    /** As {@link #waitSome(Request...)}, for a list of requests. */
    static int[] waitSome(List<? extends Request> requests) {
        return waitSome(array("waitSome", requests));
    }

    /** As {@link #testSome(Request...)}, for a list of requests. */
    static int[] testSome(List<? extends Request> requests) {
        return testSome(array("testSome", requests));
    }

    /** Waits until one of the requests completes and returns its index ({@code MPI_Waitany}). */
    static int waitAny(Request... requests) {
        return waitSome("waitAny", requests)[0];
    }

    /**
     * The statuses of every request if all have completed, else empty; never blocks ({@code MPI_Testall}).
     * Each request is tested, so the ones that completed stay completed.
     */
    static Optional<List<Status>> testAll(Request... requests) {
        if (testSome("testAll", requests).length < requests.length) {
            return Optional.empty();
        }
        List<Status> out = new ArrayList<>(requests.length);
        for (Request r : requests) {
            out.add(r.test().orElseThrow());
        }
        return Optional.of(out);
    }

    /** The index of a completed request (the lowest), or empty if none has completed; never blocks ({@code MPI_Testany}). */
    static OptionalInt testAny(Request... requests) {
        int[] done = testSome("testAny", requests);
        return done.length == 0 ? OptionalInt.empty() : OptionalInt.of(done[0]);
    }

    /**
     * Waits until at least one request completes and returns the indices of all that have, in
     * increasing order ({@code MPI_Waitsome}). A completed request is reported again by a later
     * call: pass only those still to wait for.
     */
    static int[] waitSome(Request... requests) {
        return waitSome("waitSome", requests);
    }

    /** The indices of the requests that have completed, in increasing order, maybe none; never blocks ({@code MPI_Testsome}). */
    static int[] testSome(Request... requests) {
        return testSome("testSome", requests);
    }

    private static int[] waitSome(String call, Request... requests) {
        checked(call, requests);
        Waits engine = waits(requests);
        if (engine != null) {
            return engine.waitSome(call, requests);
        }
        long park = 1_000;
        while (true) {
            int[] done = testSome(call, requests);
            if (done.length > 0) {
                return done;
            }
            LockSupport.parkNanos(park);
            park = Math.min(200_000, park * 2);
        }
    }

    private static int[] testSome(String call, Request... requests) {
        checked(call, requests);
        Waits engine = waits(requests);
        if (engine != null) {
            return engine.testSome(call, requests);
        }
        return IntStream.range(0, requests.length).filter(i -> requests[i].test().isPresent()).toArray();
    }

    /** The engine's waiting for these requests, from the first that has one; null if none does. */
    private static Waits waits(Request... requests) {
        for (Request r : requests) {
            Waits w = r.waits();
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static Request[] array(String call, List<? extends Request> requests) {
        if (requests == null) {
            throw new IllegalArgumentException(call + ": the list of requests is null");
        }
        return requests.toArray(new Request[0]);
    }

    /** {@code requests}, refused if there are none or one is null. */
    private static void checked(String call, Request... requests) {
        if (requests == null || requests.length == 0) {
            throw new IllegalArgumentException(call + " of no request");
        }
        for (int i = 0; i < requests.length; i++) {
            if (requests[i] == null) {
                throw new IllegalArgumentException(call + ": request " + i + " is null");
            }
        }
    }
}
