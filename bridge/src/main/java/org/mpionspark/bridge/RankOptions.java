package org.mpionspark.bridge;

import java.io.Serializable;

/**
 * How long a rank waits, and MPJ Express's eager/rendezvous switch. Built from {@code spark.mpi.*}
 * on the Spark side; tests build it directly.
 *
 * @param opTimeoutMillis       longest wait of one blocking MPI call for its peer; 0 for none
 * @param finalizeTimeoutMillis longest wait of the closing handshake before the world is torn down
 * @param protocolSwitchLimit   messages up to this many bytes go eagerly ({@code niodev}'s psl)
 * @param coresShared           whether ranks share processor cores, which picks the collective
 *                              algorithms; {@code null}: tell from the peer table
 *                              ({@link org.mpionspark.bridge.rendezvous.Peer#coresShared})
 */
public record RankOptions(long opTimeoutMillis, long finalizeTimeoutMillis, int protocolSwitchLimit,
                          Boolean coresShared) implements Serializable {

    public static final RankOptions DEFAULTS = new RankOptions(600_000, 30_000, 128 * 1024, null);

    public RankOptions {
        if (opTimeoutMillis < 0 || finalizeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("the op timeout must be 0 (none) or positive, the finalize timeout "
                    + "positive; not " + opTimeoutMillis + " and " + finalizeTimeoutMillis);
        }
        if (protocolSwitchLimit < 12) {
            throw new IllegalArgumentException("protocolSwitchLimit must be at least 12 bytes, not " + protocolSwitchLimit);
        }
    }

    public RankOptions withOpTimeoutMillis(long millis) {
        return new RankOptions(millis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared);
    }

    public RankOptions withCoresShared(Boolean shared) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, shared);
    }
}
