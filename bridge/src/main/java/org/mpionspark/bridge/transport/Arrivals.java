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
     * A message as {@link #arrived}, whose {@code count} elements the endpoint reads itself into
     * the returned handle's {@link Arrival#buffer buffer} from its {@link Arrival#offset offset}:
     * straight into the receive that waits for it, where one is posted and fits, else into an
     * array of its own (one copy fewer, no array to allocate, when the receive came first).
     *
     * @throws IllegalStateException if {@code dest} has ended, as {@link #arrived}
     */
    default Arrival arriving(int source, int dest, int channel, int tag, ArrayKind kind, int count) {
        Object data = kind.newArray(count);
        Arrival a = arrived(source, dest, channel, tag, kind, data, count, false);
        return new Arrival() {
            @Override
            public Object buffer() {
                return data;
            }

            @Override
            public void filled() {
                a.filled();
            }

            @Override
            public void failed(RuntimeException e) {
                a.failed(e);
            }
        };
    }

    /** As {@link #arrived}, but a message whose receiver has ended is dropped (null), as MPI drops it. */
    default Arrival arrivedOrDropped(int source, int dest, int channel, int tag, ArrayKind kind, Object data,
                                     int count, boolean filled) {
        try {
            return arrived(source, dest, channel, tag, kind, data, count, filled);
        } catch (RuntimeException e) {
            dropped(source, dest, e);
            return null;
        }
    }

    /** As {@link #arriving}, but a message whose receiver has ended is dropped (null): its elements are read and lost. */
    default Arrival arrivingOrDropped(int source, int dest, int channel, int tag, ArrayKind kind, int count) {
        try {
            return arriving(source, dest, channel, tag, kind, count);
        } catch (RuntimeException e) {
            dropped(source, dest, e);
            return null;
        }
    }

    private static void dropped(int source, int dest, RuntimeException why) {
        System.getLogger(Arrivals.class.getName()).log(System.Logger.Level.DEBUG,
                "dropped a message from rank " + source + " to rank " + dest + ": " + why);
    }

    /**
     * Nothing more will arrive from the other JVMs ({@code why}: the endpoint stopped receiving):
     * every rank of this JVM that waits, or will, fails at once saying so instead of waiting in vain.
     */
    void lost(String why);

    /** A message whose elements are still on their way. */
    interface Arrival {
        /** Where the elements go, for {@link #arriving}: an array of the message's kind. */
        default Object buffer() {
            throw new UnsupportedOperationException("the elements of this message were given with it");
        }

        /** Where in {@link #buffer} the first element goes. */
        default int offset() {
            return 0;
        }

        /** Every element is in the array now: the receive that took it may complete. */
        void filled();

        /** The elements will never come (the endpoint was torn down): the receive that took it fails. */
        void failed(RuntimeException e);
    }
}
