package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveChannel;

import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;

/**
 * One communicator as its parts see it: its ranks and their world ranks, its context id, its
 * argument checks and collective channel, beside the {@link RankState} of every communicator of
 * the rank. Plain data, so the parts need no reference to the facade.
 */
final class CommState {
    final RankState shared;
    final int context;
    final int[] worldRanks;
    private final int[] localRanks;
    final int rank;
    final int size;
    final Arguments check;
    final CollectiveChannel collectives;
    /** Where this communicator's non-blocking collectives run, in the order they were started; made on first use. */
    private CollectiveLane lane;
    /** Whether {@code free()} was called: every later call fails. */
    private boolean freed;

    /** {@code worldRanks[i]}: the world rank of rank {@code i} of this communicator. */
    CommState(RankState shared, int context, int[] worldRanks) {
        this.shared = shared;
        this.context = context;
        this.worldRanks = worldRanks;
        this.localRanks = new int[shared.transport.size()];
        java.util.Arrays.fill(localRanks, -1);
        int me = -1;
        for (int i = 0; i < worldRanks.length; i++) {
            localRanks[worldRanks[i]] = i;
            if (worldRanks[i] == shared.transport.rank()) {
                me = i;
            }
        }
        this.rank = me;
        this.size = worldRanks.length;
        this.check = new Arguments(rank, size);
        this.collectives = new CollectiveChannel(shared.transport, shared.waiter, context, rank, size, this::world,
                shared.coresShared, shared.twoLevel, shared.scope);
    }

    /** The world communicator ({@code MPI_COMM_WORLD}): context 0, every rank. */
    static CommState forWorld(RankState shared) {
        int[] all = new int[shared.transport.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        shared.world = new CommState(shared, 0, all);
        return shared.world;
    }

    /** {@code MPI_COMM_SELF}: this rank alone, on a context no other communicator of this rank uses. */
    static CommState forSelf(RankState shared) {
        return new CommState(shared, shared.nextContext++, new int[] {shared.transport.rank()});
    }

    /**
     * This communicator's lane: one per communicator, so that non-blocking collectives started in
     * different orders on different communicators cannot wait for each other (MPI orders them per
     * communicator only).
     */
    synchronized CollectiveLane lane() {
        if (lane == null) {
            lane = shared.newLane(context);
        }
        return lane;
    }

    /** Marks this communicator freed; the world and self cannot be. */
    void free() {
        live("free()");
        if (this == shared.world || this == shared.self) {
            throw new MpiException(rank, "free()", -1, "the " + (this == shared.world ? "world communicator"
                    : "communicator of self()") + " cannot be freed; only those made by split, dup or create can");
        }
        freed = true;
    }

    /** Throws if this communicator was freed; {@code call} names the call refused. */
    void live(String call) {
        if (freed) {
            throw new MpiException(rank, call, -1, "this communicator (" + size + " ranks, context " + context
                    + ") was freed: it cannot be used any more");
        }
    }

    /** The world rank of a rank of this communicator; {@code ANY_SOURCE} stays a wildcard. */
    int world(int localRank) {
        return localRank == Communicator.ANY_SOURCE ? Transport.ANY : worldRanks[localRank];
    }

    /** The rank here of a world rank; negative values (wildcards) pass through. */
    int local(int worldRank) {
        return worldRank < 0 ? worldRank : localRanks[worldRank];
    }
}
