package org.mpionspark.mpi;

import java.util.Optional;

/**
 * A receive of an object in flight, from {@link Communicator#irecvObject} (mpi4py's
 * {@code req = comm.irecv(); data = req.wait()}). As a {@link Request} it goes into
 * {@link Request#waitAll} and the others; its {@link #waitFor()} and {@link #test()} give the
 * {@link Status} (sender, tag, size in bytes), before or after the object.
 */
public interface ObjectRequest<T> extends Request {

    /** Blocks until the object has arrived and returns it (mpi4py's {@code req.wait()}); again and again the same object. */
    T waitForObject();

    /**
     * The object if it has arrived, else empty; never blocks (mpi4py's {@code req.test()}). A
     * {@code null} object also reads as empty: {@link #test()} tells whether it has arrived.
     */
    Optional<T> testObject();
}
