package org.mpionspark.bridge.transport;

/**
 * What an endpoint goes on starting after its ranks run (MPJ Express, connecting behind the
 * lanes): its start shares the JVM's cores with the ranks' first calls, so the benchmarks wait for
 * it before they time, as native MPI's are timed after {@code MPI_Init}.
 */
public interface StartBehind {

    /** Returns once it has started or failed to (bounded by its start's own timeout). */
    void awaitStarted();
}
