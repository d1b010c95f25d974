package org.mpionspark.bridge.transport;

import java.util.function.IntPredicate;

/**
 * A world spread over several JVMs: messages to ranks of this JVM go through memory, the others
 * through MPJ Express. Both keep MPI's order per sender, since a given peer is always reached the
 * same way; a wildcard probe looks at both, starting with each in turn so neither starves.
 */
public final class RoutedTransport implements Transport {

    private final Transport memory;
    private final IntPredicate inMemory;
    private final Transport remote;
    private boolean memoryFirst;

    /** {@code inMemory}: whether a world rank is reached through {@code memory}; the others through {@code remote}. */
    public RoutedTransport(Transport memory, IntPredicate inMemory, Transport remote) {
        this.memory = memory;
        this.inMemory = inMemory;
        this.remote = remote;
    }

    private Transport to(int worldRank) {
        return inMemory.test(worldRank) ? memory : remote;
    }

    @Override
    public int rank() {
        return remote.rank();
    }

    @Override
    public int size() {
        return remote.size();
    }

    @Override
    public Pending isend(int channel, ArrayKind kind, Object buf, int offset, int count, int dest, int tag) {
        return to(dest).isend(channel, kind, buf, offset, count, dest, tag);
    }

    @Override
    public Pending irecv(int channel, ArrayKind kind, Object buf, int offset, int count, int source, int tag) {
        if (source == ANY) {
            throw new UnsupportedOperationException("a receive from any source is matched above the transport "
                    + "(the communicator's Matcher), which probes first; the routed transport needs the source");
        }
        return to(source).irecv(channel, kind, buf, offset, count, source, tag);
    }

    @Override
    public int[] iprobe(int channel, int source, int tag) {
        if (source != ANY) {
            return to(source).iprobe(channel, source, tag);
        }
        memoryFirst = !memoryFirst;
        Transport first = memoryFirst ? memory : remote;
        int[] found = first.iprobe(channel, source, tag);
        return found != null ? found : (first == memory ? remote : memory).iprobe(channel, source, tag);
    }

    @Override
    public MeetingBoard board() {
        return memory.board();
    }

    @Override
    public <T> T capability(Class<T> type) {
        T mine = Transport.super.capability(type);
        return mine != null ? mine : remote.capability(type);
    }

    @Override
    public String processorName() {
        return remote.processorName();
    }

    @Override
    public void finish() {
        try {
            remote.finish();
        } finally {
            memory.finish();
        }
    }

    @Override
    public void kill() {
        try {
            memory.kill();
        } finally {
            remote.kill();
        }
    }
}
