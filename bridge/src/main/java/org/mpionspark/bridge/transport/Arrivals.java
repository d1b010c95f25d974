package org.mpionspark.bridge.transport;

/**
 * Where an {@link Endpoint} hands each message from another JVM: to the receiving rank of this
 * JVM, in the order its sender sent it. A long message is handed over when its envelope arrives
 * (so probes and matching see it in order) and its elements follow.
 */
public interface Arrivals {

    /**
     * A message from world rank {@code source} (another JVM) for world rank {@code dest} (this
     * one). {@code data} is an array of {@code kind} that holds its {@code count} elements already
     * if {@code filled}, else once the returned handle is told so.
     *
     * @throws IllegalStateException if {@code dest} has ended: the message is dropped, as MPI drops
     *                               what a finalized rank never received
     */
    Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data, int count,
                    boolean filled);

    /**
     * Nothing more will arrive from the other JVMs ({@code why}: the endpoint stopped receiving):
     * every rank of this JVM that waits, or will, fails at once saying so instead of waiting in vain.
     */
    void lost(String why);

    /** A message whose elements are still on their way. */
    interface Arrival {
        /** Every element is in the array now: the receive that took it may complete. */
        void filled();

        /** The elements will never come (the endpoint was torn down): the receive that took it fails. */
        void failed(RuntimeException e);
    }
}
