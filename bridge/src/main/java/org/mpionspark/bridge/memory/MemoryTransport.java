package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.MeetingBoard;
import org.mpionspark.bridge.transport.Transport;

/**
 * A rank's {@link Transport}: a send to a rank of this JVM hands its message to the receiver's
 * {@link Mailbox} (into the posted receive if there is one, with one copy), and every wait sleeps
 * on the rank's {@link Doorbell}: no socket, no MPJ Express buffer, no selector thread. A send to a
 * rank of another JVM goes through this JVM's {@link Endpoint}, which delivers what comes back
 * into the same mailboxes: receives, probes and waits are the same whoever sent.
 */
public final class MemoryTransport implements Transport {

    /** How long a wait spins before it parks when this rank has a core of its own. */
    private static final long SPIN_NANOS = 20_000;

    private final MemoryWorld world;
    private final int rank;
    private final Mailbox mine;
    private final String processorName;
    /** This JVM's door to the ranks of other JVMs; null when the whole world is here. */
    private final Endpoint endpoint;

    /** As below, for a world whose ranks all live in this JVM. */
    public MemoryTransport(MemoryWorld world, int rank, java.util.List<String> jvmOfRank, boolean coresShared,
                           String processorName) {
        this(world, rank, jvmOfRank, coresShared, processorName, null);
    }

    /**
     * Rank {@code rank} of {@code world}, which it has joined; {@code jvmOfRank}: each rank's JVM key
     * from the peer table; {@code coresShared}: never spin; {@code endpoint}: where messages to
     * ranks of other JVMs go (null if there are none); its {@code finish} and {@code kill} are this
     * rank's release of it.
     */
    public MemoryTransport(MemoryWorld world, int rank, java.util.List<String> jvmOfRank, boolean coresShared,
                           String processorName, Endpoint endpoint) {
        world.place(jvmOfRank);
        this.world = world;
        this.rank = rank;
        this.mine = world.box(rank);
        this.processorName = processorName;
        this.endpoint = endpoint;
        mine.bell.spin(coresShared ? 0 : SPIN_NANOS);
        mine.bell.readVia(endpoint);
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
            if (endpoint == null) {
                throw new IllegalArgumentException("rank " + dest + " is not in this JVM");
            }
            return endpoint.send(rank, channel, kind, buf, offset, count, dest, tag);
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
    public Preposted prepost(int channel, ArrayKind kind, Object buf, int offset, int count, int source, int tag) {
        Receive r = Receive.strict(channel, source, tag, kind, buf, offset, count, mine);
        mine.receive(r);
        return r;
    }

    @Override
    public boolean withdraw(Preposted receive) {
        return receive instanceof Receive r && mine.withdraw(r);
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

    /** Sleeps on the rank's bell; where other JVMs are reached, the thread reads what arrives from them meanwhile if it can. */
    @Override
    public void awaitActivity(long seen, long nanos) {
        if (!mine.bell.awaitReading(seen, nanos)) {
            mine.bell.await(seen, nanos);
        }
    }

    @Override
    public void progress() {
        if (endpoint != null) {
            endpoint.readNow();
        }
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
    public <T> T capability(Class<T> type) {
        T mine = Transport.super.capability(type);
        return mine != null || endpoint == null ? mine : endpoint.capability(type);
    }

    @Override
    public void finish() {
        try {
            world.leave(rank);
        } finally {
            if (endpoint != null) {
                endpoint.finish();
            }
        }
    }

    @Override
    public void kill() {
        try {
            mine.close("its world was torn down");
            world.leave(rank);
        } finally {
            if (endpoint != null) {
                endpoint.kill();
            }
        }
    }
}
