package org.mpionspark.bridge.transport;

/**
 * The seam between a rank's communicator and the bytes: non-blocking sends, receives and probes
 * that the caller polls, so that every wait stays in our hands (MPJ Express ignores interrupts).
 * Implemented by the memory path (ranks of one JVM), by MPJ Express (inside the rank's isolated
 * class loader: only JDK types and this package cross that boundary), and by the routing of each
 * peer to one of them. Two channels keep user messages and our collectives apart, as MPI contexts do.
 */
public interface Transport {

    /** User point-to-point messages. */
    int USER = 0;
    /** Messages of the collectives built in this bridge. */
    int COLLECTIVE = 1;

    /** The wildcard source or tag of a receive or probe (MPJ's own values differ). */
    int ANY = -1;

    int rank();

    int size();

    /** Starts sending {@code count} elements of {@code buf} from {@code offset}. */
    Pending isend(int channel, ArrayKind kind, Object buf, int offset, int count, int dest, int tag);

    /** Starts receiving at most {@code count} elements into {@code buf} from {@code offset}. */
    Pending irecv(int channel, ArrayKind kind, Object buf, int offset, int count, int source, int tag);

    /**
     * Posts a receive before its message arrives, so that the message, from whichever JVM, lands
     * straight in {@code buf}: as {@link #irecv}, but it takes only a message of {@code kind} that
     * fits; the first one that matches and does not fit makes it give up ({@link
     * Preposted#declined}) and is left for whoever asks next. Null if this transport cannot.
     */
    default Preposted prepost(int channel, ArrayKind kind, Object buf, int offset, int count, int source, int tag) {
        return null;
    }

    /** Withdraws a {@link #prepost}ed receive that no message has reached yet: whether it was withdrawn. */
    default boolean withdraw(Preposted receive) {
        return false;
    }

    /** A receive posted before its message ({@link #prepost}). */
    interface Preposted extends Pending {
        /** Whether a message has reached it: it is that message's now, whose elements may still be on their way. */
        boolean matched();

        /** Whether a message that matched it did not fit, so it took none and was withdrawn. */
        boolean declined();
    }

    /**
     * Looks for a matching message without receiving it: {@code null} if none has arrived yet,
     * else {@code {source, tag, element count, ArrayKind ordinal}}. On the collective channel it
     * only serves to diagnose mismatched collectives: the source must be given and is echoed.
     */
    int[] iprobe(int channel, int source, int tag);

    /**
     * This transport, or one it routes to, as {@code type} (e.g. {@link NativeCollectives}); null
     * if none is one. Lets tools reach what only some transports offer without widening this seam.
     */
    default <T> T capability(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    /** The host name MPJ Express reports for this rank ({@code MPI_Get_processor_name}). */
    String processorName();

    /**
     * Orderly shutdown ({@code MPI_Finalize}) once every rank passed the closing barrier; returns at
     * once: what the JVM's endpoint still exchanges with the other JVMs ends on its own, bounded.
     */
    void finish();

    /**
     * Tears the world down at once, whatever the peers do: closes every socket and selector of
     * this rank and releases every thread MPJ Express blocked. Safe to call more than once.
     */
    void kill();

    /**
     * A count that grows whenever something happens for this rank (a message arrives, one of its
     * sends or receives completes), for waits that sleep until then; -1 if this transport cannot tell.
     */
    default long activity() {
        return -1;
    }

    /** Sleeps until {@link #activity()} differs from {@code seen}, or about {@code nanos} have passed. */
    default void awaitActivity(long seen, long nanos) {
    }

    /**
     * Moves what has arrived for this JVM's ranks on to them, without waiting: called before a
     * test or a probe the rank's code polls with, so that it sees what came while it computed.
     */
    default void progress() {
    }

    /**
     * Where the ranks of this world that share this JVM meet for collectives in memory; null when
     * no other rank does (every message then crosses a socket anyway).
     */
    default MeetingBoard board() {
        return null;
    }

    /** A receive whose message was longer than its buffer; the message is lost, so the call fails. */
    final class Truncated extends RuntimeException {
        private final int sent;
        private final int capacity;

        public Truncated(int sent, int capacity) {
            super("a message of " + sent + " elements arrived for a receive of " + capacity);
            this.sent = sent;
            this.capacity = capacity;
        }

        public int sent() {
            return sent;
        }

        public int capacity() {
            return capacity;
        }
    }

    /** An operation in flight. */
    interface Pending {
        /**
         * {@code null} while in flight; once done, {@code {source, tag, element count}}. Throws
         * {@link Truncated} if a receive's message did not fit.
         */
        int[] test();

        /**
         * Sleeps until the operation is done or {@code nanos} have passed, whichever comes first;
         * returns at once if it cannot tell. Never the only way a wait ends: callers poll around it.
         */
        default void block(long nanos) {
        }

        /**
         * A number that grows while the operation moves bytes (0 if the transport cannot tell):
         * a wait whose progress changes is slow, not stuck.
         */
        default long progress() {
            return 0;
        }
    }
}
