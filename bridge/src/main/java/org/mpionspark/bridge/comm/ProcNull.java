package org.mpionspark.bridge.comm;

import java.util.Optional;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.ObjectRequest;
import org.mpionspark.mpi.Status;

/**
 * A send to or receive from {@link Communicator#PROC_NULL}: complete when made, nothing moved, a
 * receive's status says source {@code PROC_NULL}, any tag, count 0 ({@code MPI_PROC_NULL}).
 */
final class ProcNull<T> implements ObjectRequest<T> {

    private static final Status STATUS = new Status(Communicator.PROC_NULL, Communicator.ANY_TAG, 0);

    static boolean is(int rank) {
        return rank == Communicator.PROC_NULL;
    }

    static <T> ProcNull<T> request() {
        return new ProcNull<>();
    }

    static Status status() {
        return STATUS;
    }

    @Override
    public Status waitFor() {
        return STATUS;
    }

    @Override
    public Optional<Status> test() {
        return Optional.of(STATUS);
    }

    @Override
    public String toString() {
        return "PROC_NULL";
    }

    @Override
    public T waitForObject() {
        return null;
    }

    @Override
    public Optional<T> testObject() {
        return Optional.empty();
    }
}
