package org.mpionspark.bridge.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;

/**
 * The ranks of one world that live in this JVM: their mailboxes and what their shared-memory
 * collectives meet on. Found by key (registration, world, JVM key) in a JVM-wide table; a rank
 * joins before it reaches the rendezvous, so once the peer table has come every local peer is
 * here, and the last local rank to leave removes the world. Messages from the world's ranks in
 * other JVMs arrive here too ({@link Arrivals}), into the same mailboxes.
 */
public final class MemoryWorld implements Arrivals {

    private static final Map<String, MemoryWorld> WORLDS = new ConcurrentHashMap<>();

    private final String key;
    private final int size;
    private final Mailbox[] boxes;
    private final boolean[] departed;
    private final MemoryMeetingBoard board;
    private volatile java.util.List<String> jvms;
    private int members;

    private MemoryWorld(String key, int size) {
        this.key = key;
        this.size = size;
        this.boxes = new Mailbox[size];
        this.departed = new boolean[size];
        this.board = new MemoryMeetingBoard(this);
    }

    /** Joins (making it if needed) the world {@code key} of {@code size} ranks as {@code rank}. */
    public static MemoryWorld join(String key, int size, int rank) {
        synchronized (WORLDS) {
            MemoryWorld w = WORLDS.computeIfAbsent(key, k -> new MemoryWorld(k, size));
            if (w.size != size || rank < 0 || rank >= size || w.boxes[rank] != null) {
                throw new IllegalStateException("rank " + rank + " cannot join the memory world " + key + " of "
                        + w.size + " ranks (size " + size + (rank >= 0 && rank < w.size && w.boxes[rank] != null
                        ? ", rank already there)" : ")"));
            }
            w.boxes[rank] = new Mailbox(rank, new Doorbell(0));
            w.members++;
            return w;
        }
    }

    /** Leaves the world; the last rank out removes it from the JVM's table. */
    public void leave(int rank) {
        synchronized (WORLDS) {
            Mailbox box = boxes[rank];
            if (box == null || departed[rank]) {
                return; // a rank leaves once: finish, then the tear-down's kill, both call this
            }
            departed[rank] = true;
            box.close("its rank has ended");
            if (--members == 0) {
                WORLDS.remove(key, this);
            }
        }
    }

    /** How many memory worlds this JVM holds now: 0 once every stage has ended (tests check it). */
    public static int open() {
        return WORLDS.size();
    }

    int size() {
        return size;
    }

    /** Records which JVM each rank of the world is in, from the peer table (the same for every rank). */
    void place(java.util.List<String> jvmOfRank) {
        if (jvmOfRank.size() != size) {
            throw new IllegalArgumentException("a peer table of " + jvmOfRank.size() + " ranks for a world of " + size);
        }
        this.jvms = java.util.List.copyOf(jvmOfRank);
    }

    String jvm(int rank) {
        return jvms.get(rank);
    }

    /** Rank {@code rank}'s mailbox, or null if that rank is not in this JVM. */
    Mailbox box(int rank) {
        return boxes[rank];
    }

    @Override
    public Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data, int count,
                           boolean filled) {
        Mailbox box = dest >= 0 && dest < size ? boxes[dest] : null;
        if (box == null) {
            throw new IllegalArgumentException("a message from rank " + source + " for rank " + dest
                    + ", which is not in this JVM");
        }
        Message m = Message.arrived(channel, source, dest, tag, kind, data, 0, count, filled, box.bell);
        box.deliver(m);
        return m;
    }

    @Override
    public Arrival arriving(int source, int dest, int channel, int tag, ArrayKind kind, int count) {
        Mailbox box = dest >= 0 && dest < size ? boxes[dest] : null;
        if (box == null) {
            throw new IllegalArgumentException("a message from rank " + source + " for rank " + dest
                    + ", which is not in this JVM");
        }
        return box.deliverArriving(channel, source, dest, tag, kind, count);
    }

    @Override
    public void lost(String why) {
        for (Mailbox box : boxes) {
            if (box != null) {
                box.close(why);
            }
        }
    }

    MemoryMeetingBoard board() {
        return board;
    }

    @Override
    public String toString() {
        return "MemoryWorld[" + key + ", " + members + " of " + size + " ranks here]";
    }
}
