package org.mpionspark.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.mpionspark.bridge.RankOptions;
import org.mpionspark.bridge.memory.JvmKey;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.internal.BarrierRank;
import org.mpionspark.spark.internal.DatasetStage;
import org.mpionspark.spark.internal.DecodedRdd;
import org.mpionspark.spark.internal.DriverRendezvous;
import org.mpionspark.spark.internal.Results;
import org.mpionspark.spark.internal.SlotCheck;
import org.mpionspark.spark.internal.StageFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

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

    /** Checks every {@code spark.mpi.*} setting now (a bad value throws) and warns of unknown ones. */
    public JavaMpiContext(JavaSparkContext jsc) {
        this.jsc = jsc;
        for (String warning : MpiConf.validate(jsc.getConf())) {
            LOG.warn(warning);
        }
    }

    /** The Spark context the SPMD stages run on. */
    public JavaSparkContext sparkContext() {
        return jsc;
    }

    /**
     * Runs {@code body} on {@code ranks} ranks and returns their results in rank order (through the
     * object tier's Kryo: any value that can travel between ranks, {@code Serializable} or not). If a rank
     * throws, every other rank is freed and this throws {@link MpiRankFailedException} naming that
     * rank, with its original exception as the cause; a deadlock throws
     * {@link org.mpionspark.mpi.MpiDeadlockException} with each rank's call.
     */
    public <R> List<R> run(int ranks, RankFunction<R> body) {
        return run(ranks, body, MpiConf.MAX_ATTEMPTS.get(jsc.getConf()));
    }

    /** {@link #run(int, RankFunction)} with at most {@code attempts} attempts (a session's ranks are never run again). */
    <R> List<R> run(int ranks, RankFunction<R> body, long attempts) {
        List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
        for (int attempt = 1; ; attempt++) {
            requireSlots(ranks);
            RendezvousServer.Registration reg = register(ranks);
            List<byte[]> encoded;
            try {
                JavaRDD<byte[]> out = new JavaRDD<>(barrier(jsc.parallelize(seeds, ranks), reg,
                        StageFunctions.single(body)), tag());
                encoded = out.collect();
            } catch (Exception e) { // Spark throws SparkException unchecked, from Scala
                Optional<RendezvousServer.Failure> f = reg.awaitFailure(FAILURE_REPORT_GRACE_MILLIS);
                RuntimeException error = error(f, ranks, e);
                boolean retriable = f.map(RendezvousServer.Failure::retriable).orElseGet(() -> lostExecutor(e));
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
            return new ArrayList<>(Results.decodeAll(encoded, MpiConf.rankOptions(jsc.getConf())));
        }
    }

    /**
     * As {@link #run}, also bringing back what each rank printed to stdout and stderr (at most
     * 1 MB of each per rank; threads a rank starts count as the rank), for notebooks and teaching.
     */
    public <R> SpmdResult<R> runWithOutput(int ranks, RankFunction<R> body) {
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
     * compute the SPMD stage again), or until the context stops.
     */
    public <T, R> JavaRDD<R> mapPartitions(JavaRDD<T> rdd, SpmdFunction<T, R> body) {
        int ranks = rdd.getNumPartitions();
        requireSlots(ranks);
        long attempts = MpiConf.MAX_ATTEMPTS.get(jsc.getConf());
        RendezvousServer.Registration reg = register(ranks);
        SparkContext sc = jsc.sc();
        reg.onWorldFailure(f -> {
            int attempt = BarrierRank.attemptOf(f.worldKey());
            if (!f.retriable() || attempt + 1 >= attempts) {
                sc.cancelStage(BarrierRank.stageOf(f.worldKey()), "the SPMD stage failed"
                        + (f.retriable() ? " on each of its " + (attempt + 1) + " attempts" : "") + ": " + f.message());
            }
        });
        RDD<byte[]> spmd = barrier(rdd, reg, body);
        DriverRendezvous.closeWhenUnreachable(spmd, reg); // the result reaches it through its lineage
        JavaRDD<byte[]> ranked = new JavaRDD<>(spmd, tag());
        JavaPairRDD<Integer, byte[]> keyed = JavaPairRDD.fromJavaRDD(ranked.mapPartitionsWithIndex(
                StageFunctions.<byte[]>keyedByPartition(), true));
        RankOptions options = MpiConf.rankOptions(jsc.getConf());
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
        try {
            Class.forName("org.apache.spark.sql.classic.Dataset", false, JavaMpiContext.class.getClassLoader());
            return DatasetStage.mapPartitions(this, ds, encoder, body);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new MpiException(-1, "mapPartitions over a Dataset", -1, "needs Spark SQL (spark-sql_2.13, the "
                    + "version of spark-core) on the class path, and " + e.getMessage() + " is missing; "
                    + "mapPartitions over a JavaRDD needs only spark-core", e);
        }
    }

    private void requireSlots(int ranks) {
        SlotCheck.require(jsc.sc(), ranks, () -> DriverRendezvous.of(jsc.sc()).lingeringRanks());
    }

    private RendezvousServer.Registration register(int ranks) {
        return DriverRendezvous.of(jsc.sc()).register(ranks, MpiConf.RENDEZVOUS_TIMEOUT.get(jsc.getConf()),
                MpiConf.DEADLOCK_TIMEOUT.get(jsc.getConf()));
    }

    private static <R> ClassTag<R> tag() {
        return ClassTag$.MODULE$.apply(Object.class);
    }

    private <T, R> RDD<byte[]> barrier(JavaRDD<T> rdd, RendezvousServer.Registration reg, SpmdFunction<T, R> body) {
        RankOptions options = MpiConf.rankOptions(jsc.getConf());
        // in local mode every task runs in this JVM: its ranks need no MPJ Express, only memory
        WorldTicket ticket = jsc.sc().isLocal() ? reg.ticket().withSoleJvm(JvmKey.current()) : reg.ticket();
        return rdd.rdd().barrier().mapPartitions(new BarrierRank<>(ticket, options, body), false, tag());
    }

    /** The error to throw for a failed stage: the world's own diagnosis where the driver has one. */
    private static RuntimeException error(Optional<RendezvousServer.Failure> failure, int ranks, Exception spark) {
        if (failure.isEmpty()) {
            return spark instanceof RuntimeException re ? re : new RuntimeException(spark);
        }
        RendezvousServer.Failure f = failure.get();
        if (f.rank() < 0) {
            return f.error() instanceof MpiException me ? me
                    : new MpiException(-1, "SPMD stage of " + ranks + " ranks", -1, f.message(), spark);
        }
        if (f.error() != null) {
            return new MpiRankFailedException(f.rank(), ranks, f.message(), f.error());
        }
        return new MpiRankFailedException(f.rank(), ranks, f.message() + sparkReason(spark), spark);
    }

    /** What Spark says of a lost executor ("; Spark: ExecutorLostFailure (... Command exited with code 17)"), if it does. */
    private static String sparkReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            int at = m.indexOf("ExecutorLostFailure");
            if (at >= 0) {
                int end = m.indexOf('\n', at);
                return "; Spark: " + m.substring(at, end < 0 ? m.length() : end).trim();
            }
        }
        return "";
    }

    /** Whether Spark failed the job because an executor was lost, before any rank could say so. */
    private static boolean lostExecutor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("ExecutorLostFailure") || m.contains("Executor lost")) {
                return true;
            }
        }
        return false;
    }
}
