package org.mpionspark.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.mpionspark.bridge.memory.JvmKey;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rendezvous.Registration;
import org.mpionspark.bridge.rendezvous.WorldFailure;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.internal.BarrierInput;
import org.mpionspark.spark.internal.BarrierRank;
import org.mpionspark.spark.internal.DatasetStage;
import org.mpionspark.spark.internal.DecodedRdd;
import org.mpionspark.spark.internal.DriverOnly;
import org.mpionspark.spark.internal.DriverRendezvous;
import org.mpionspark.spark.internal.OpenSessions;
import org.mpionspark.spark.internal.Results;
import org.mpionspark.spark.internal.SlotCheck;
import org.mpionspark.spark.internal.StageFailure;
import org.mpionspark.spark.internal.StageFunctions;
import org.mpionspark.spark.internal.TaskHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * The entry point for MPI code on Spark, beside a {@link JavaSparkContext}: each SPMD stage is a
 * barrier stage whose tasks are the ranks of one MPJ Express world.
 *
 * <pre>{@code
 * JavaMpiContext mpi = new JavaMpiContext(jsc);
 * List<Integer> ranks = mpi.run(4, comm -> comm.rank());                        // on the driver
 * JavaRDD<Double> sums = mpi.mapPartitions(rdd, (comm, part) -> ...);          // over an RDD
 * Dataset<String> out = mpi.mapPartitions(ds, Encoders.STRING(), (comm, part) -> ...); // over a Dataset
 * }</pre>
 *
 * <p>A stage that fails for a reason outside the user's code (an executor lost, a rank that never
 * reached the rendezvous) runs again with a fresh world, up to {@code spark.mpi.stage.maxAttempts}
 * times; an error of the user's code is never retried.
 *
 * <p>Serializable as {@code SparkSession} is, with nothing in it, so that a REPL line holding it can
 * travel inside a closure; it can only be used on the driver.
 */
public final class JavaMpiContext implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(JavaMpiContext.class);

    private final transient JavaSparkContext jsc;
    /** {@code spark.mpi.*} settings of this context over Spark's ({@link #withConf}). */
    private final transient Map<String, String> overrides;

    /** Checks every {@code spark.mpi.*} setting now (a bad value throws) and warns of unknown ones. */
    public JavaMpiContext(JavaSparkContext jsc) {
        this(jsc, Map.of());
        for (String warning : MpiConf.validate(jsc.getConf())) {
            LOG.warn(warning);
        }
    }

    private JavaMpiContext(JavaSparkContext jsc, Map<String, String> overrides) {
        this.jsc = jsc;
        this.overrides = overrides;
    }

    /** The Spark context the SPMD stages run on. */
    public JavaSparkContext sparkContext() {
        return jsc;
    }

    /** The settings its stages run with: the Spark context's, with this context's {@link #withConf} settings over them. */
    public SparkConf conf() {
        SparkConf conf = jsc.getConf(); // a copy
        overrides.forEach(conf::set);
        return conf;
    }

    /**
     * This context with {@code spark.mpi.*} settings of its own for the stages and sessions it
     * starts, e.g. {@code mpi.withConf(Map.of("spark.mpi.deadlock.timeout", "2s")).run(4, ...)};
     * {@code this} is left as it is. Checked now: an unknown key, a key read once per SparkContext
     * ({@code spark.mpi.rendezvous.host}) or a bad value throws {@link IllegalArgumentException}.
     */
    public JavaMpiContext withConf(Map<String, String> settings) {
        DriverOnly.check("withConf", jsc != null, "settings are given on the driver");
        if (settings == null || settings.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("withConf: " + (settings == null ? "the settings are null"
                    : "a setting has no value: " + settings));
        }
        Map<String, String> merged = new HashMap<>(overrides);
        settings.forEach((k, v) -> merged.put(MpiConf.requireOverridable(k), v));
        JavaMpiContext view = new JavaMpiContext(jsc, Map.copyOf(merged));
        MpiConf.validate(view.conf());
        return view;
    }

    /** {@link #withConf(Map)} of one setting. */
    public JavaMpiContext withConf(String key, String value) {
        return withConf(Collections.singletonMap(key, value));
    }

    /** {@code spark.mpi.op.timeout} for this context's stages (zero: none), as {@code LocalWorld.withOpTimeout}. */
    public JavaMpiContext withOpTimeout(Duration timeout) {
        return withConf(MpiConf.OP_TIMEOUT.name(), millis(timeout, "withOpTimeout"));
    }

    /** {@code spark.mpi.deadlock.timeout} for this context's stages (zero: no watchdog). */
    public JavaMpiContext withDeadlockTimeout(Duration timeout) {
        return withConf(MpiConf.DEADLOCK_TIMEOUT.name(), millis(timeout, "withDeadlockTimeout"));
    }

    private static String millis(Duration timeout, String call) {
        if (timeout == null) {
            throw new IllegalArgumentException(call + ": the timeout is null (Duration.ZERO: none)");
        }
        return timeout.toMillis() + "ms";
    }

    /**
     * Runs {@code body} on {@code ranks} ranks and returns their results in rank order (through the
     * object tier's Kryo: any value that can travel between ranks, {@code Serializable} or not). If a rank
     * throws, every other rank is freed and this throws {@link MpiRankFailedException} naming that
     * rank, with its original exception as the cause; a deadlock throws
     * {@link org.mpionspark.mpi.MpiDeadlockException} with each rank's call.
     */
    public <R> List<R> run(int ranks, RankFunction<R> body) {
        requireDriver("run(" + ranks + " ranks)");
        if (body == null) {
            throw new IllegalArgumentException("run(" + ranks + ", null): the RankFunction is null");
        }
        return run(ranks, body, MpiConf.MAX_ATTEMPTS.get(conf()));
    }

    /** {@link #run(int, RankFunction)} with at most {@code attempts} attempts (a session's ranks are never run again). */
    <R> List<R> run(int ranks, RankFunction<R> body, long attempts) {
        List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
        for (int attempt = 1; ; attempt++) {
            requireSlots(ranks);
            Registration reg = register(ranks);
            List<byte[]> encoded;
            try {
                JavaRDD<byte[]> out = new JavaRDD<>(barrier(jsc.parallelize(seeds, ranks), reg,
                        StageFunctions.single(body)), tag());
                encoded = out.collect();
            } catch (Exception e) { // Spark throws SparkException unchecked, from Scala
                Optional<WorldFailure> f = reg.awaitFailure(FAILURE_REPORT_GRACE_MILLIS);
                RuntimeException error = StageFailure.error(jsc.sc(), f, ranks, e);
                boolean retriable = f.map(WorldFailure::retriable)
                        .orElseGet(() -> StageFailure.lostExecutor(e));
                if (!retriable || attempt >= attempts) {
                    if (attempt > 1) {
                        error.addSuppressed(new MpiException(-1, "SPMD stage", -1, "failed on each of its "
                                + attempt + " attempts (spark.mpi.stage.maxAttempts=" + attempts + ")"));
                    }
                    throw error;
                }
                LOG.warn("SPMD stage of {} ranks failed on attempt {} of {} for a reason outside its code; running it "
                        + "again with a fresh world: {}", ranks, attempt, attempts, error.getMessage());
                continue;
            } finally {
                reg.close();
            }
            return new ArrayList<>(Results.decodeAll(encoded, MpiConf.rankOptions(conf())));
        }
    }

    /**
     * As {@link #run}, also bringing back what each rank printed to stdout and stderr (at most
     * 1 MB of each per rank; threads a rank starts count as the rank), for notebooks and teaching.
     */
    public <R> SpmdResult<R> runWithOutput(int ranks, RankFunction<R> body) {
        requireDriver("runWithOutput(" + ranks + " ranks)");
        if (body == null) {
            throw new IllegalArgumentException("runWithOutput(" + ranks + ", null): the RankFunction is null");
        }
        List<StageFunctions.Printed<R>> out = run(ranks, StageFunctions.printing(body, OUTPUT_LIMIT));
        return new SpmdResult<>(out.stream().map(StageFunctions.Printed::value).toList(),
                out.stream().map(StageFunctions.Printed::stdout).toList(),
                out.stream().map(StageFunctions.Printed::stderr).toList());
    }

    /**
     * Starts an interactive session of {@code ranks} long-lived ranks that run one cell after
     * another, keeping per-rank variables between cells (ipyparallel's {@code %%px}): see {@link MpiSession}.
     */
    public MpiSession session(int ranks) {
        requireDriver("session(" + ranks + " ranks)");
        return new MpiSession(this, ranks);
    }

    private static final int OUTPUT_LIMIT = 1 << 20;
    /** How long a failed job waits for the failing rank's own report, which names it and keeps its error. */
    private static final long FAILURE_REPORT_GRACE_MILLIS = 2_000;

    /**
     * An RDD whose partition {@code p} is what rank {@code p} of an SPMD stage over {@code rdd}
     * returns; lazy, like any transformation. Records travel through the object tier's Kryo, so
     * they need not be {@code Serializable}: its {@code collect()}, {@code take(n)} and {@code first()}
     * decode them on the driver (other actions that bring records to the driver use {@code spark.serializer}). The SPMD stage ends in a shuffle that keeps each
     * partition whole and in order, so the result is a plain RDD (no barrier restrictions on what
     * follows), computed once for all later actions, and a stage whose executor was lost is run
     * again by Spark with a fresh world (when {@code spark.task.maxFailures} allows retries), up
     * to {@code spark.mpi.stage.maxAttempts} times; a rank's own error stops it at once. Its
     * rendezvous registration lives as long as the result is reachable on the driver (Spark may
     * compute the SPMD stage again), or until the context stops. Any input works: one made by
     * {@code coalesce} or {@code union}, over which Spark runs no barrier stage, is first put behind a
     * shuffle that keeps its partitions whole and in order. A rank's error fails {@code collect},
     * {@code take} and {@code first} with the {@link MpiRankFailedException} {@code run} throws;
     * other actions throw Spark's error with it as the cause.
     */
    public <T, R> JavaRDD<R> mapPartitions(JavaRDD<T> rdd, SpmdFunction<T, R> body) {
        requireDriver("mapPartitions");
        if (rdd == null || body == null) {
            throw new IllegalArgumentException("mapPartitions(JavaRDD, SpmdFunction) needs both: the "
                    + (rdd == null ? "JavaRDD" : "SpmdFunction") + " is null");
        }
        int ranks = rdd.getNumPartitions();
        requireSlots(ranks);
        long attempts = MpiConf.MAX_ATTEMPTS.get(conf());
        Registration reg = register(ranks);
        SparkContext sc = jsc.sc();
        reg.onWorldFailure(f -> {
            int attempt = BarrierRank.attemptOf(f.worldKey());
            if (!f.retriable() || attempt + 1 >= attempts) {
                RuntimeException error = StageFailure.error(sc, Optional.of(f), ranks, null);
                if (f.retriable()) {
                    error.addSuppressed(new MpiException(-1, "SPMD stage", -1, "failed on each of its " + (attempt + 1)
                            + " attempts (spark.mpi.stage.maxAttempts=" + attempts + ")"));
                }
                StageFailure.abort(sc, BarrierRank.stageOf(f.worldKey()), attempt, error);
            }
        });
        RDD<byte[]> spmd = barrier(BarrierInput.of(rdd, MpiConf.rankOptions(conf())), reg, body);
        DriverRendezvous.closeWhenUnreachable(spmd, reg); // the result reaches it through its lineage
        JavaRDD<byte[]> ranked = new JavaRDD<>(spmd, tag());
        JavaPairRDD<Integer, byte[]> keyed = JavaPairRDD.fromJavaRDD(ranked.mapPartitionsWithIndex(
                StageFunctions.<byte[]>keyedByPartition(), true));
        RankOptions options = MpiConf.rankOptions(conf());
        return new DecodedRdd<>(keyed.partitionBy(new HashPartitioner(ranks)).values(), options); // key p: partition p
    }

    /**
     * {@link #mapPartitions(JavaRDD, SpmdFunction)} over a {@code Dataset<T>} (a DataFrame is a
     * {@code Dataset<Row>}): partition {@code p} is rank {@code p}, and what the ranks return becomes a
     * {@code Dataset<R>} through {@code encoder}, lazily, with no barrier restrictions on what follows
     * ({@code show}, {@code first}, joins…). Records still travel from the ranks through the object tier's Kryo.
     *
     * @throws IllegalArgumentException if {@code encoder} is null, {@code ds} has no partitions or belongs to
     *     another SparkContext; more partitions than free task slots fail as {@code mapPartitions} does
     * @throws MpiException if Spark SQL is missing from the class path (the other methods need only spark-core)
     */
    public <T, R> Dataset<R> mapPartitions(Dataset<T> ds, Encoder<R> encoder, SpmdFunction<T, R> body) {
        requireDriver("mapPartitions");
        try {
            Class.forName("org.apache.spark.sql.classic.Dataset", false, JavaMpiContext.class.getClassLoader());
            return DatasetStage.mapPartitions(this, ds, encoder, body);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new MpiException(-1, "mapPartitions over a Dataset", -1, "needs Spark SQL (spark-sql_2.13, the "
                    + "version of spark-core) on the class path, and " + e.getMessage() + " is missing; "
                    + "mapPartitions over a JavaRDD needs only spark-core", e);
        }
    }

    /** An SPMD stage started from inside a rank or a cell would wait for ever for the slots its own stage holds. */
    private void requireDriver(String call) {
        DriverOnly.check(call, jsc != null, "an SPMD stage is started from the driver only (one started inside "
                + "another stage would wait for ever for task slots that stage holds)");
    }

    private void requireSlots(int ranks) {
        SlotCheck.require(jsc.sc(), conf(), ranks, () -> DriverRendezvous.of(jsc.sc()).lingeringRanks(),
                () -> OpenSessions.on(jsc.sc()));
    }

    private Registration register(int ranks) {
        TaskHosts.of(jsc.sc()); // listens before the stage starts, to name a failed rank's host
        SparkConf conf = conf();
        return DriverRendezvous.of(jsc.sc()).register(ranks, MpiConf.RENDEZVOUS_TIMEOUT.get(conf),
                MpiConf.DEADLOCK_TIMEOUT.get(conf), DriverRendezvous.sealKey(conf));
    }

    private static <R> ClassTag<R> tag() {
        return ClassTag$.MODULE$.apply(Object.class);
    }

    private <T, R> RDD<byte[]> barrier(JavaRDD<T> rdd, Registration reg, SpmdFunction<T, R> body) {
        RankOptions options = MpiConf.rankOptions(conf());
        // in local mode every task runs in this JVM: its ranks need no MPJ Express, only memory
        WorldTicket ticket = (jsc.sc().isLocal() ? reg.ticket().withSoleJvm(JvmKey.current()) : reg.ticket())
                .withTwoLevel(MpiConf.twoLevel(conf())).withLanes(MpiConf.LANES.flag(conf()));
        return rdd.rdd().barrier().mapPartitions(new BarrierRank<>(ticket, options, body), false, tag());
    }
}
