package org.mpionspark.bridge.config;

import java.time.Duration;

/**
 * The default of every {@code spark.mpi.*} setting, in one place: the Spark side declares each key
 * with this value as its default ({@code MpiConf}), and the bridge's own users of a default
 * ({@code RankOptions}, {@code LocalWorld}, the rendezvous) read it here.
 */
public final class Defaults {

    /** {@code spark.mpi.rendezvous.timeout}: how long the ranks of a stage may take to reach the rendezvous. */
    public static final Duration RENDEZVOUS_TIMEOUT = Duration.ofSeconds(60);
    /** {@code spark.mpi.op.timeout}: longest wait of one blocking MPI call for its peer. */
    public static final Duration OP_TIMEOUT = Duration.ofMinutes(10);
    /** {@code spark.mpi.deadlock.timeout}: every rank blocked, none moving a byte, for this long is a deadlock. */
    public static final Duration DEADLOCK_TIMEOUT = Duration.ofSeconds(5);
    /** {@code spark.mpi.finalize.timeout}: longest wait of MPI_Finalize before the rank is torn down anyway. */
    public static final Duration FINALIZE_TIMEOUT = Duration.ofSeconds(30);
    /** {@code spark.mpi.slots.waitTimeout}: how long to wait for as many free task slots as ranks. */
    public static final Duration SLOTS_WAIT_TIMEOUT = Duration.ofSeconds(30);
    /** {@code spark.mpi.stage.maxAttempts}: runs of an SPMD stage that fails for a reason outside the user's code. */
    public static final int STAGE_MAX_ATTEMPTS = 3;
    /** {@code spark.mpi.protocolSwitchLimit}: messages up to this many bytes go eagerly in MPJ Express. */
    public static final int PROTOCOL_SWITCH_LIMIT = 128 * 1024;
    /** {@code spark.mpi.session.cellTimeout}: longest run of one cell of an interactive session. */
    public static final Duration SESSION_CELL_TIMEOUT = Duration.ofMinutes(10);
    /** {@code spark.mpi.coresShared}: {@code null} ({@code auto}) tells from the hosts' processors. */
    public static final Boolean CORES_SHARED = null;
    /** {@code spark.mpi.memoryPath}: ranks of one JVM talk through memory. */
    public static final boolean MEMORY_PATH = true;
    /** {@code spark.mpi.collectives.twoLevel}: topology and size decide which collectives go in two levels. */
    public static final TwoLevelMode TWO_LEVEL = TwoLevelMode.AUTO;
    /** {@code spark.mpi.network.lanes}: messages between JVMs take lanes of their own, not MPJ Express's connections. */
    public static final boolean LANES = true;

    /** Not a setting: longest time from accepting a connection to a driver port (rendezvous, session) to its whole handshake. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    private Defaults() {
    }
}
