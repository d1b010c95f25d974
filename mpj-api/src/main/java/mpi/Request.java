package mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A non-blocking operation in flight ({@code MPI_Request}), over mpi-on-spark's
 * {@link org.mpionspark.mpi.Request}: once it has completed (by {@link #Wait}, {@link #Test} or
 * the static calls) it is null, as MPI sets a completed request to {@code MPI_REQUEST_NULL}.
 * Waits end as mpi-on-spark's do: with the result, or an {@link MPIException} when the world is
 * aborted or the peer does not answer within the operation timeout.
 */
public class Request {

    /** The work of one operation: its wait, and a test that gives null until it is done. */
    interface Work {
        Status await();

        Status poll();

        /** Takes back the operation if it has not matched yet ({@code MPI_Cancel}); whether it did. */
        default boolean cancel() {
            return false;
        }
    }

    Work work;

    Request(Work work) {
        this.work = work;
    }

    /** A request over one of mpi-on-spark's, {@code finish} turning its status into MPJ's (unpacking what arrived). */
    static Request of(org.mpionspark.mpi.Request r, java.util.function.Function<org.mpionspark.mpi.Status, Status> finish) {
        return new Request(new Work() {
            private Status done;

            @Override
            public Status await() {
                if (done == null) {
                    done = finished(r.waitFor());
                }
                return done;
            }

            @Override
            public Status poll() {
                if (done == null) {
                    r.test().ifPresent(s -> done = finished(s));
                }
                return done;
            }

            @Override
            public boolean cancel() {
                return r.cancel();
            }

            /** A cancelled receive received nothing: nothing to unpack. */
            private Status finished(org.mpionspark.mpi.Status s) {
                return s.cancelled() ? Status.cancelled() : finish.apply(s);
            }
        });
    }

    /** Blocks until the operation completes ({@code MPI_Wait}); a null request gives an empty status at once. */
    public Status Wait() throws MPIException {
        Work w = work;
        if (w == null) {
            return new Status();
        }
        Status s = Calls.call("Wait", w::await);
        completed();
        return s;
    }

    /** The status if the operation has completed, else null; never blocks ({@code MPI_Test}). */
    public Status Test() throws MPIException {
        Work w = work;
        if (w == null) {
            return new Status();
        }
        Status s = Calls.call("Test", w::poll);
        if (s != null) {
            completed();
        }
        return s;
    }

    /** Whether this request is null: {@code MPI.REQUEST_NULL}, or completed. */
    public boolean Is_null() throws MPIException {
        return work == null;
    }

    /**
     * Takes back a receive that no message has matched yet ({@code MPI_Cancel}): it then completes at
     * once, its status {@link Status#Test_cancelled cancelled}. A send, or a receive already matched,
     * completes as usual (MPI lets a cancel fail). Wait or test the request either way.
     */
    public void Cancel() throws MPIException {
        Work w = work;
        if (w != null) {
            Calls.call("Cancel", w::cancel);
        }
    }

    void completed() {
        work = null;
    }

    /** Waits for every request ({@code MPI_Waitall}); their statuses, in order. */
    public static Status[] Waitall(Request[] array_of_requests) throws MPIException {
        Status[] out = new Status[array_of_requests.length];
        for (int i = 0; i < out.length; i++) {
            Request r = array_of_requests[i];
            out[i] = r == null ? new Status() : r.Wait();
            out[i].index = i;
        }
        return out;
    }

    /** Waits until one request completes; its status, with its {@code index} ({@code MPI_Waitany}). */
    public static Status Waitany(Request[] array_of_requests) throws MPIException {
        long park = 1_000;
        while (true) {
            Status s = Testany(array_of_requests);
            if (s != null) {
                return s;
            }
            LockSupport.parkNanos(park);
            park = Math.min(200_000, park * 2);
        }
    }

    /**
     * The status of a completed request, with its {@code index}, or null if none has completed; an
     * empty status with index {@code MPI.UNDEFINED} if every request is null ({@code MPI_Testany}).
     */
    public static Status Testany(Request[] array_of_requests) throws MPIException {
        boolean active = false;
        for (int i = 0; i < array_of_requests.length; i++) {
            Request r = array_of_requests[i];
            if (r != null && !r.inactive()) {
                active = true;
                Status s = r.Test();
                if (s != null) {
                    s.index = i;
                    return s;
                }
            }
        }
        return active ? null : new Status();
    }

    /** The statuses of every request if all have completed, else null ({@code MPI_Testall}). */
    public static Status[] Testall(Request[] array_of_requests) throws MPIException {
        for (Request r : array_of_requests) {
            if (r != null && !r.inactive() && Calls.call("Testall", r.work::poll) == null) {
                return null;
            }
        }
        return Waitall(array_of_requests);
    }

    /** Waits until at least one request completes; the statuses of all that have, with their indices ({@code MPI_Waitsome}). */
    public static Status[] Waitsome(Request[] array_of_requests) throws MPIException {
        long park = 1_000;
        while (true) {
            Status[] s = Testsome(array_of_requests);
            if (s.length > 0 || java.util.Arrays.stream(array_of_requests).allMatch(r -> r == null || r.inactive())) {
                return s;
            }
            LockSupport.parkNanos(park);
            park = Math.min(200_000, park * 2);
        }
    }

    /** The statuses of the requests that have completed, maybe none ({@code MPI_Testsome}). */
    public static Status[] Testsome(Request[] array_of_requests) throws MPIException {
        List<Status> out = new ArrayList<>();
        for (int i = 0; i < array_of_requests.length; i++) {
            Request r = array_of_requests[i];
            if (r != null && !r.inactive()) {
                Status s = r.Test();
                if (s != null) {
                    s.index = i;
                    out.add(s);
                }
            }
        }
        return out.toArray(new Status[0]);
    }

    /** Whether there is nothing to wait for: a null request, or a persistent one not started. */
    boolean inactive() {
        return work == null;
    }
}
