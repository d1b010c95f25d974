package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.MeetingBoard;
import org.mpionspark.bridge.transport.Transport;

/**
 * {@link Transport} between ranks of one world in this JVM: a send hands its message to the
 * receiver's {@link Mailbox} (into the posted receive if there is one, with one copy), and every
 * wait sleeps on the rank's {@link Doorbell}. No socket, no MPJ Express buffer, no selector thread.
 */
public final class MemoryTransport implements Transport {

    /** How long a wait spins before it parks when this rank has a core of its own. */
    private static final long SPIN_NANOS = 20_000;

    private final MemoryWorld world;
    private final int rank;
    private final Mailbox mine;
    private final String processorName;

    /**
     * Rank {@code rank} of {@code world}, which it has joined; {@code jvmOfRank}: each rank's JVM key
     * from the peer table; {@code coresShared}: never spin.
     */
    public MemoryTransport(MemoryWorld world, int rank, java.util.List<String> jvmOfRank, boolean coresShared,
                           String processorName) {
        world.place(jvmOfRank);
        this.world = world;
        this.rank = rank;
        this.mine = world.box(rank);
        this.processorName = processorName;
        mine.bell.spin(coresShared ? 0 : SPIN_NANOS);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return world.size();
    }

    /** Whether {@code worldRank} is reached through memory. */
    public boolean local(int worldRank) {
        return world.box(worldRank) != null;
    }

    @Override
    public Pending isend(int channel, ArrayKind kind, Object buf, int offset, int count, int dest, int tag) {
        mine.checkAlive();
        Mailbox to = world.box(dest);
        if (to == null) {
            throw new IllegalArgumentException("rank " + dest + " is not in this JVM");
        }
        Message m = new Message(channel, rank, dest, tag, kind, buf, offset, count, mine);
        to.deliver(m);
        return m;
    }

    @Override
    public Pending irecv(int channel, ArrayKind kind, Object buf, int offset, int count, int source, int tag) {
        Receive r = new Receive(channel, source, tag, kind, buf, offset, count, mine);
        mine.receive(r);
        return r;
    }

    @Override
    public int[] iprobe(int channel, int source, int tag) {
        mine.checkAlive();
        Message m = mine.peek(channel, source, tag);
        return m == null ? null : new int[] {m.source, m.tag, m.count, m.kind.ordinal()};
    }

    @Override
    public long activity() {
        return mine.bell.rings();
    }

    @Override
    public void awaitActivity(long seen, long nanos) {
        mine.bell.await(seen, nanos);
    }

    @Override
    public MeetingBoard board() {
        return world.board();
    }

    @Override
    public String processorName() {
        return processorName;
    }

    @Override
    public void finish() {
        world.leave(rank);
    }

    @Override
    public void kill() {
        mine.close("its world was torn down");
        world.leave(rank);
    }
}
