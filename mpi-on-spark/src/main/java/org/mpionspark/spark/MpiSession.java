package org.mpionspark.spark;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;
import org.mpionspark.spark.internal.DriverOnly;
import org.mpionspark.spark.internal.OpenSessions;
import scala.reflect.ClassTag$;

/**
 * An interactive SPMD session, the {@code %%px} of mpi-on-spark: {@code n} long-lived ranks (one
 * barrier stage under its own job group) that run one cell after another, each with its communicator
 * and a {@link RankState} kept between cells. {@link #run} prints what the ranks printed, grouped
 * as {@code [stdout:r]} in rank order, and returns their values.
 *
 * <pre>{@code
 * val px = MpiSession.start(spark, 4)
 * px.run((comm, state) => { state.put("x", Array.fill(10)(comm.rank().toDouble)); comm.rank() })
 * px.on(0, 2).run((comm, state) => state.get[Array[Double]]("x").sum)
 * px.close()
 * }</pre>
 *
 * <p>A cell that throws on some ranks reports their errors and leaves the session as it was. A cell
 * that breaks the world (a deadlock, an abort), runs past {@code spark.mpi.session.cellTimeout}, or
 * whose caller's Spark job group is cancelled (a notebook's cancel button) ends with a report of
 * each rank's call, and the session starts fresh ranks: their variables are lost, and it says so.
 * Closing the session, or the application's end, frees every rank, thread and port.
 *
 * <p>Serializable as {@code SparkSession} is, with nothing in it: a notebook's cell may be compiled
 * into a class that holds the session, and must still travel to the ranks; there it cannot be used.
 */
public final class MpiSession implements AutoCloseable, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final AtomicInteger IDS = new AtomicInteger();
    /** How long ranks may take to answer once their world was aborted. */
    private transient final JavaMpiContext mpi;
    private final int size;
    private transient final SparkListener listener;
    private transient volatile long cellTimeoutMillis;
    private transient final SessionDriver driver;
    /** The session's name in the slot check's messages, e.g. {@code mpi-session-1}. */
    private transient final String name;
    private transient volatile boolean closed;
    /** Whether {@link #close} has stopped the ranks (the application's end only closes their connections). */
    private transient boolean closedRanks;

    MpiSession(JavaMpiContext mpi, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an MPI session needs at least 1 rank, not " + size);
        }
        org.mpionspark.spark.internal.BarrierSettings.require(mpi.conf());
        this.mpi = mpi;
        this.size = size;
        int id = IDS.incrementAndGet();
        this.cellTimeoutMillis = MpiConf.SESSION_CELL_TIMEOUT.get(mpi.conf());
        this.name = "mpi-session-" + id;
        this.driver = new SessionDriver(mpi, size, name, name + "-" + java.util.UUID.randomUUID(),
                MpiConf.rankOptions(mpi.conf()));
        OpenSessions.opened(mpi.sparkContext().sc(), name, size);
        this.listener = new SparkListener() {
            @Override
            public void onApplicationEnd(SparkListenerApplicationEnd end) {
                closed = true;
                OpenSessions.closed(name);
                driver.closeNow();
            }
        };
        mpi.sparkContext().sc().addSparkListener(listener);
    }

    /** Starts {@code ranks} ranks on {@code spark}'s context (Zeppelin's and spark-shell's {@code spark}). */
    public static MpiSession start(SparkSession spark, int ranks) {
        return start(spark.sparkContext(), ranks);
    }

    /** Starts {@code ranks} ranks with {@code spark.mpi.*} settings of their own, e.g. {@code spark.mpi.deadlock.timeout}. */
    public static MpiSession start(SparkSession spark, int ranks, Map<String, String> conf) {
        return new JavaMpiContext(JavaSparkContext.fromSparkContext(spark.sparkContext())).withConf(conf).session(ranks);
    }

    /** Starts {@code ranks} ranks on {@code sc}. */
    public static MpiSession start(SparkContext sc, int ranks) {
        return new JavaMpiContext(JavaSparkContext.fromSparkContext(sc)).session(ranks);
    }

    /** The number of ranks. */
    public int size() {
        return size;
    }

    /** Sets how long a cell may run before it is stopped (0: no limit); default {@code spark.mpi.session.cellTimeout}. */
    public MpiSession cellTimeout(java.time.Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a cell timeout must be zero (none) or positive, not " + timeout);
        }
        this.cellTimeoutMillis = timeout.toMillis();
        return this;
    }

    /**
     * Runs {@code cell} on every rank; prints each rank's output, {@code [stdout:r] ...} in rank
     * order, and returns the values in rank order. Throws {@link CellFailedException} (after
     * printing) if a rank failed, listing each failed rank's error.
     */
    public <R> List<R> run(CellFunction<R> cell) {
        return on(all()).run(cell);
    }

    /** As {@link #run} but prints nothing and throws nothing for a rank's error: the whole result. */
    public <R> CellResult<R> runWithOutput(CellFunction<R> cell) {
        return on(all()).runWithOutput(cell);
    }

    /** The ranks {@code targets} only ({@code %%px --targets}): the other ranks wait for them. */
    public Targets on(int... targets) {
        if (targets == null || targets.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one rank");
        }
        int[] sorted = targets.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= size || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("targets must be distinct ranks from 0 to " + (size - 1)
                        + ", not " + Arrays.toString(targets));
            }
        }
        return new Targets(sorted);
    }

    private int[] all() {
        int[] t = new int[size];
        Arrays.setAll(t, i -> i);
        return t;
    }

    /** Some ranks of the session, as {@link #on} chose them. */
    public final class Targets implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[] ranks;

        private Targets(int[] ranks) {
            this.ranks = ranks;
        }

        /** As {@link MpiSession#run}, on these ranks only. */
        public <R> List<R> run(CellFunction<R> cell) {
            CellResult<R> r = runWithOutput(cell);
            scala.Console$.MODULE$.out().print(r.formatted());
            scala.Console$.MODULE$.out().flush();
            if (r.failed()) {
                throw new CellFailedException(r);
            }
            return r.values();
        }

        /** As {@link MpiSession#runWithOutput}, on these ranks only. */
        public <R> CellResult<R> runWithOutput(CellFunction<R> cell) {
            DriverOnly.check("MpiSession.run", mpi != null, "a session runs its cells from the driver only");
            return cell(ranks, cell); // after the check: a cell calling its own session would wait for this lock
        }
    }

    private synchronized <R> CellResult<R> cell(int[] targets, CellFunction<R> cell) {
        if (closed) {
            throw new IllegalStateException("this MPI session is closed; start another with MpiSession.start");
        }
        if (cell == null) {
            throw new IllegalArgumentException("the cell is null");
        }
        return driver.cell(targets, serialize(cell), cellTimeoutMillis);
    }

    private byte[] serialize(CellFunction<?> cell) {
        try {
            Object cleaned = mpi.sparkContext().sc().clean(cell, true);
            ByteBuffer b = SparkEnv.get().closureSerializer().newInstance().serialize(cleaned,
                    ClassTag$.MODULE$.apply(CellFunction.class));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (Exception e) { // Spark throws NotSerializableException undeclared, from Scala
            throw new IllegalArgumentException("the cell cannot be sent to the ranks (it must be serialisable, and so "
                    + "must what it captures): " + e.getMessage(), e);
        }
    }

    /** Ends every rank (in order: each leaves its loop, then its world) and frees the session's threads and ports. */
    @Override
    public void close() {
        DriverOnly.check("MpiSession.close", mpi != null, "a session is closed from the driver, not from its cells");
        closeOnDriver();
    }

    private synchronized void closeOnDriver() {
        if (closed && closedRanks) {
            return;
        }
        closedRanks = true;
        closed = true;
        OpenSessions.closed(name);
        mpi.sparkContext().sc().removeSparkListener(listener);
        driver.close();
    }

    @Override
    public String toString() {
        return "MpiSession[" + size + " ranks" + (closed ? ", closed" : "") + "]";
    }
}
