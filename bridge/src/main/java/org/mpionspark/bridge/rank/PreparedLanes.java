package org.mpionspark.bridge.rank;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.mpionspark.bridge.lane.LaneStart;

/**
 * This JVM's lane port for a world, opened by the first of its ranks to arrive, before that rank's
 * hello: the port travels in the hellos and comes back in the peer table, so each JVM calls the
 * others as soon as it has the table, with no second round through the driver. The rank that
 * starts the JVM's endpoint {@link #take}s it; if none does (the world turned out to live in one
 * JVM, or failed first), the last rank to {@link #release} it closes it.
 */
final class PreparedLanes {

    private static final Map<String, PreparedLanes> OPEN = new HashMap<>();

    private final LaneStart start;
    private int holders;
    private boolean taken;

    private PreparedLanes(LaneStart start) {
        this.start = start;
    }

    /**
     * The port of world and JVM {@code key}'s lanes, opened on {@code bindAddress} (the address this
     * JVM reaches the driver from) by the first rank to ask, for the world whose data-port key is
     * {@code dataKey}; each rank that asked must {@link #release} once.
     */
    static int hold(String key, String worldKey, byte[] dataKey, boolean sealed, InetAddress bindAddress)
            throws IOException {
        synchronized (OPEN) {
            PreparedLanes p = OPEN.get(key);
            if (p == null) {
                p = new PreparedLanes(new LaneStart("the lanes of " + worldKey + " in this JVM", r -> {
                    Thread t = new Thread(r, "mpi-lanes-port (" + worldKey + ")");
                    t.setDaemon(true);
                    return t;
                }, bindAddress, dataKey, sealed));
                OPEN.put(key, p);
            }
            p.holders++;
            return p.start.port();
        }
    }

    /** World and JVM {@code key}'s lanes, for its endpoint's start, which closes them from now on. */
    static LaneStart take(String key) {
        synchronized (OPEN) {
            PreparedLanes p = OPEN.get(key);
            if (p == null || p.taken) {
                throw new IllegalStateException("no lane port was opened in this JVM for " + key);
            }
            p.taken = true;
            return p.start;
        }
    }

    /** A rank that held {@code key}'s lanes lets go; the last one closes them unless an endpoint took them. */
    static void release(String key) {
        LaneStart unused = null;
        synchronized (OPEN) {
            PreparedLanes p = OPEN.get(key);
            if (p == null) {
                return;
            }
            if (--p.holders == 0) {
                OPEN.remove(key);
                if (!p.taken) {
                    unused = p.start;
                }
            }
        }
        if (unused != null) {
            unused.close();
        }
    }
}
