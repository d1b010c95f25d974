package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveScope;
import org.mpionspark.bridge.channel.Matcher;
import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.wait.BlockReport;
import org.mpionspark.bridge.wait.Waiter;

import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.bridge.transport.Transport;

/**
 * What every communicator of one rank shares: the transport, the waiting, the matching, the object
 * codec, and the next free context id, so communicators made on this rank never share a context.
 */
final class RankState {
    final Transport transport;
    final Waiter waiter;
    final AbortState abort;
    final ObjectCodec codec;
    final Matcher matcher;
    /** The lanes of this rank's communicators' non-blocking collectives, closed with the rank. */
    private final java.util.List<CollectiveLane> lanes = new java.util.ArrayList<>();
    final boolean coresShared;
    /** Which collectives go in two levels across JVMs ({@code spark.mpi.collectives.twoLevel}). */
    final TwoLevelMode twoLevel;
    /** The ranks this rank's collectives may span (all, but while a session cell runs on some ranks). */
    final CollectiveScope scope = new CollectiveScope();
    int nextContext = 1; // 0 is the world
    CommState world;
    /** {@code MPI_COMM_SELF}, made on first use. */
    CommState self;
    RankCommunicator selfCommunicator;

    RankState(Transport transport, AbortState abort, long opTimeoutMillis, ObjectCodec codec, boolean coresShared,
              TwoLevelMode twoLevel, BlockReport report) {
        this.transport = transport;
        this.coresShared = coresShared;
        this.twoLevel = twoLevel;
        this.abort = abort;
        this.codec = codec;
        this.waiter = new Waiter(transport, opTimeoutMillis, abort, report);
        this.matcher = new Matcher(transport, waiter);
    }

    /** A new lane for the non-blocking collectives of communicator {@code context}. */
    synchronized CollectiveLane newLane(int context) {
        CollectiveLane lane = new CollectiveLane(waiter, transport.rank(), context);
        lanes.add(lane);
        return lane;
    }

    /** Stops every lane, with the rank: a collective still running fails at once. */
    synchronized void closeLanes() {
        lanes.forEach(CollectiveLane::close);
    }
}
