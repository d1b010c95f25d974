package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.wait.AbortState;
import org.mpionspark.bridge.wait.BlockReport;

import org.mpionspark.bridge.rendezvous.ControlLink;
import org.mpionspark.bridge.serial.ObjectCodec;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;

/**
 * The communicator engine of one rank, as the rank's life cycle sees it: the world communicator
 * over a started transport, tied to the rank's abort state and its link to the driver, and the
 * end of the rank. The only door from {@code bridge.rank} into this package.
 */
public final class RankEngine {

    private final RankCommunicator world;
    private final AbortState abort;

    private RankEngine(RankCommunicator world, AbortState abort) {
        this.world = world;
        this.abort = abort;
    }

    /**
     * The engine over {@code transport}: an abort tears the transport down at once (so no thread
     * stays blocked in it), {@code MPI_Abort} reaches the other ranks through {@code link}, and long
     * waits are told to the driver's watchdog. {@code coresShared} picks the collective algorithms,
     * and the world's ticket (through {@code link}) which of them go in two levels across JVMs.
     */
    public static RankEngine start(Transport transport, AbortState abort, ControlLink link, long opTimeoutMillis,
                                   ObjectCodec codec, boolean coresShared) {
        abort.attach(link);
        abort.onAbort(transport::kill);
        return new RankEngine(new RankCommunicator(transport, abort, opTimeoutMillis, codec, coresShared,
                link.ticket().twoLevel(), new BlockReport(link)), abort);
    }

    /** The rank's world communicator ({@code MPI_COMM_WORLD}). */
    public Communicator world() {
        return world;
    }

    /** The implicit barrier at the end of a rank, before {@code MPI_Finalize}: unbounded, ends on an abort. */
    public void endOfRank() {
        world.endOfRank();
    }

    /** The rank is over ({@code why} says so to any later call): stops its non-blocking collectives' thread. */
    public void end(String why) {
        abort.end(why);
        world.closeLane();
    }
}
