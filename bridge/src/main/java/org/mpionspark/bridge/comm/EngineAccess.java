package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveScope;
import org.mpionspark.bridge.transport.NativeCollectives;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.Communicator;

/**
 * The one typed door from the project's benchmarks, tests and Spark side to what lies under a
 * rank's communicator: its transport, MPJ Express's own collectives beside ours, and the scope of
 * its collectives in an interactive cell. Not part of the API.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    /** The transport under {@code comm}, a communicator the bridge made. */
    public static Transport transport(Communicator comm) {
        return engine(comm).state().shared.transport;
    }

    /**
     * MPJ Express's own collectives on the world of {@code comm}, a world communicator on the MPJ
     * Express path; an {@link IllegalStateException} saying why where there are none.
     */
    public static NativeCollectives nativeCollectives(Communicator comm) {
        CommState state = engine(comm).state();
        if (state.context != 0) {
            throw new IllegalStateException("MPJ Express's own collectives run on the world communicator only");
        }
        NativeCollectives mpj = state.shared.transport.capability(NativeCollectives.class);
        if (mpj == null) {
            throw new IllegalStateException("MPJ Express's own collectives span its world of one endpoint per JVM, "
                    + "which is this world only when each rank has a JVM of its own: here ranks share a JVM "
                    + "(spark.mpi.memoryPath=false, or LocalWorld.memoryPath(false), gives each rank its own)");
        }
        return mpj;
    }

    /**
     * Limits the collectives of every communicator of {@code comm}'s rank to {@code worldRanks}
     * until the returned handle is closed: an interactive cell on some ranks only ({@code where}
     * names it in errors) fails at once on a collective that ranks outside would have to join.
     */
    public static AutoCloseable limitCollectives(Communicator comm, int[] worldRanks, String where) {
        CollectiveScope scope = engine(comm).state().shared.scope;
        scope.limit(worldRanks, where);
        return scope::lift;
    }

    private static RankCommunicator engine(Communicator comm) {
        if (comm instanceof RankCommunicator r) {
            return r;
        }
        throw new IllegalArgumentException("not a communicator of the bridge: "
                + (comm == null ? "null" : comm.getClass().getName()));
    }
}
