package org.mpionspark.bridge.transport;

/**
 * This JVM's one door to the ranks of a world that live in other JVMs, shared by every rank of the
 * world in this JVM (MPJ Express's {@code niodev} between JVMs, as its hybrid device does between
 * nodes): connections grow with the JVMs, not the ranks. What arrives is handed to this JVM's
 * {@link Arrivals}, so receives, probes and waits stay those of the memory path.
 */
public interface Endpoint {

    /**
     * Starts sending {@code count} elements of {@code buf} from {@code offset}, from world rank
     * {@code source} of this JVM to world rank {@code dest} of another; polled like any send.
     */
    Transport.Pending send(int source, int channel, ArrayKind kind, Object buf, int offset, int count, int dest,
                           int tag);

    /** The host name MPJ Express reports ({@code MPI_Get_processor_name}). */
    String processorName();

    /** This host's name, as MPJ Express's {@code MPI_Get_processor_name} says it; "localhost" if it has none. */
    static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The endpoint itself, or what it offers, as {@code type} (e.g. {@link NativeCollectives}); null if not. */
    default <T> T capability(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    /**
     * Lets a rank's thread that would sleep until {@code woken} read what arrives from the other
     * JVMs itself meanwhile, for about {@code nanos}: the message it waits for then wakes it
     * directly, not through a reader thread. True if it did; false, at once, if it cannot now (the
     * caller sleeps as before, and is woken when its message is handed over).
     */
    default boolean readWhileWaiting(java.util.function.BooleanSupplier woken, long nanos) {
        return false;
    }

    /** Wakes the thread in {@link #readWhileWaiting}, if it is not the caller: what it waits for may have come another way. */
    default void wakeReader() {
    }

    /** Hands over what has arrived from the other JVMs, without waiting, unless another thread reads now. */
    default void readNow() {
    }

    /**
     * Orderly shutdown once this JVM's last rank of the world is done (its {@code MPI_Finalize}):
     * blocks until the other JVMs' endpoints have said they are done too, so call it with a bound.
     */
    void finish();

    /** Tears the endpoint down at once: every socket, selector and thread of it. Safe to call more than once. */
    void kill();
}
