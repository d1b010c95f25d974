package org.mpionspark.spark;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;
import org.mpionspark.bridge.RankOptions;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.internal.CancelWatch;
import org.mpionspark.spark.internal.CellServer;
import org.mpionspark.spark.internal.SessionRankLoop;
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
    private static final long ABORT_GRACE_MILLIS = 5_000;

    private transient final JavaMpiContext mpi;
    private final int size;
    private transient final String group;
    private transient final String name;
    private transient final RankOptions options;
    private transient final SparkListener listener;
    private transient volatile long cellTimeoutMillis;
    private transient volatile Ranks ranks;
    private transient volatile boolean closed;
    private transient long cells;

    /** One run of the session's barrier stage: its cell server and the stage's end. */
    private record Ranks(CellServer server, CompletableFuture<Void> ended, Thread thread) {
    }

    MpiSession(JavaMpiContext mpi, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an MPI session needs at least 1 rank, not " + size);
        }
        org.mpionspark.spark.internal.BarrierSettings.require(mpi.sparkContext().getConf());
        this.mpi = mpi;
        this.size = size;
        int id = IDS.incrementAndGet();
        this.name = "mpi-session-" + id;
        this.group = "mpi-session-" + id + "-" + java.util.UUID.randomUUID();
        this.options = MpiConf.rankOptions(mpi.sparkContext().getConf());
        this.cellTimeoutMillis = MpiConf.SESSION_CELL_TIMEOUT.get(mpi.sparkContext().getConf());
        this.ranks = launch();
        this.listener = new SparkListener() {
            @Override
            public void onApplicationEnd(SparkListenerApplicationEnd end) {
                closed = true;
                Ranks r = ranks;
                if (r != null) {
                    r.server().closeNow();
                }
            }
        };
        mpi.sparkContext().sc().addSparkListener(listener);
    }

    /** Starts {@code ranks} ranks on {@code spark}'s context (Zeppelin's and spark-shell's {@code spark}). */
    public static MpiSession start(SparkSession spark, int ranks) {
        return start(spark.sparkContext(), ranks);
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
            return cell(ranks, cell);
        }
    }

    private synchronized <R> CellResult<R> cell(int[] targets, CellFunction<R> cell) {
        if (mpi == null) {
            throw new IllegalStateException("an MpiSession runs cells from the driver only, not from a rank");
        }
        if (closed) {
            throw new IllegalStateException("this MPI session is closed; start another with MpiSession.start");
        }
        if (cell == null) {
            throw new IllegalArgumentException("the cell is null");
        }
        byte[] bytes = serialize(cell);
        String restarted = "";
        if (ranks == null) { // an earlier restart failed
            ranks = launch();
            restarted = "the session started new ranks before this cell; every rank variable was lost";
        }
        boolean[] targeted = new boolean[size];
        for (int t : targets) {
            targeted[t] = true;
        }
        long id = ++cells;
        Ranks current = ranks;
        current.server().sendCell(id, targeted, bytes);
        Map<Integer, CellServer.Answer> answers = new HashMap<>();
        Map<Integer, String> lost = new HashMap<>();
        String stopped = collect(current, id, answers, lost);
        boolean broken = stopped != null || answers.size() < size
                || answers.values().stream().anyMatch(a -> a.result().worldError() != null);
        String session = restarted;
        if (broken) {
            String why = stopped != null ? stopped : worldError(current, answers, lost);
            session = why + "; " + restart();
        }
        return result(targets, answers, lost, session);
    }

    /** Waits for every rank's answer; returns why the cell was stopped (timeout, cancel), or null. */
    private String collect(Ranks current, long id, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost) {
        long timeout = cellTimeoutMillis;
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
        String stopped = null;
        try (CancelWatch watch = CancelWatch.start(mpi.sparkContext())) {
            while (answers.size() + lost.size() < size) {
                if (take(current, id, answers, lost, 20)) {
                    continue;
                }
                if (current.ended().isDone()) {
                    drain(current, id, answers, lost, 1_000);
                    return null;
                }
                if (watch.cancelled()) {
                    stopped = "the cell was cancelled (its Spark job group was cancelled)";
                    break;
                }
                if (System.nanoTime() > deadline) {
                    stopped = "the cell ran past its timeout of " + timeout + " ms (spark.mpi.session.cellTimeout)";
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = "the cell was interrupted";
        }
        if (stopped != null) {
            mpi.sparkContext().sc().cancelJobGroup(group); // aborts every rank's MPI call: each says which
            drain(current, id, answers, lost, ABORT_GRACE_MILLIS);
        }
        return stopped;
    }

    private void drain(Ranks current, long id, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost,
                       long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try {
            while (answers.size() + lost.size() < size && System.nanoTime() < deadline) {
                take(current, id, answers, lost, 20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean take(Ranks current, long id, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost,
                         long millis) throws InterruptedException {
        CellServer.Reply r = current.server().poll(millis);
        if (r instanceof CellServer.Answer a && a.result().cell() == id) {
            answers.put(a.rank(), a);
        } else if (r instanceof CellServer.Lost l && !answers.containsKey(l.rank())) {
            lost.putIfAbsent(l.rank(), l.why());
        }
        return r != null;
    }

    /** The world's own diagnosis (e.g. the deadlock watchdog's list of calls), else what the ranks said. */
    private String worldError(Ranks current, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost) {
        try {
            current.ended().get(ABORT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return "the world failed: " + e.getCause().getMessage();
        } catch (Exception e) {
            // still running: fall back on what the ranks said
        }
        for (CellServer.Answer a : answers.values()) {
            if (a.result().worldError() != null) {
                return "the world failed: " + a.result().worldError();
            }
        }
        return "ranks " + lost.keySet() + " were lost: " + lost.values();
    }

    private <R> CellResult<R> result(int[] targets, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost,
                                     String session) {
        List<Integer> rs = new ArrayList<>();
        List<R> values = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int t : targets) {
            rs.add(t);
            CellServer.Answer a = answers.get(t);
            if (a == null) {
                values.add(null);
                out.add("");
                err.add("");
                errors.add("no answer: " + lost.getOrDefault(t, "it was still running its own code (in no MPI call) "
                        + "when the cell was stopped"));
                continue;
            }
            String error = a.result().error();
            int aborted = error == null || session.isEmpty() ? -1 : error.indexOf(": aborted: ");
            if (aborted >= 0) { // the session's report says why, once
                error = error.substring(0, aborted) + ": aborted with its world";
            }
            R value = null;
            if (error == null && a.result().value() != null) {
                try {
                    @SuppressWarnings("unchecked")
                    R v = (R) SessionRankLoop.decodeValue(a.result().value(), options);
                    value = v;
                } catch (RuntimeException e) {
                    error = e.toString();
                }
            }
            values.add(value);
            out.add(a.result().stdout());
            err.add(a.result().stderr());
            errors.add(error);
        }
        return new CellResult<>(List.copyOf(rs), java.util.Collections.unmodifiableList(values), List.copyOf(out),
                List.copyOf(err), java.util.Collections.unmodifiableList(errors), session);
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

    /** Starts the barrier stage of the ranks and waits until each is in its world and connected. */
    private Ranks launch() {
        JavaSparkContext jsc = mpi.sparkContext();
        CellServer server = CellServer.open(jsc.getConf(), size, name);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        SessionRankLoop loop = new SessionRankLoop(server.ticket(), options, RankState.factory());
        Thread t = new Thread(() -> {
            jsc.setJobGroup(group, "MPI session of " + size + " ranks", true);
            try {
                mpi.run(size, loop, 1); // a retry would meet a closed cell server: the session restarts itself
                ended.complete(null);
            } catch (Throwable e) {
                ended.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        Ranks r = new Ranks(server, ended, t);
        awaitReady(r);
        return r;
    }

    private void awaitReady(Ranks r) {
        JavaSparkContext jsc = mpi.sparkContext();
        long limit = MpiConf.SLOTS_WAIT_TIMEOUT.get(jsc.getConf()) + MpiConf.RENDEZVOUS_TIMEOUT.get(jsc.getConf())
                + 30_000;
        long deadline = System.nanoTime() + limit * 1_000_000L;
        boolean[] ready = new boolean[size];
        int n = 0;
        try {
            while (n < size) {
                CellServer.Reply reply = r.server().poll(20);
                if (reply instanceof CellServer.Ready rd && !ready[rd.rank()]) {
                    ready[rd.rank()] = true;
                    n++;
                } else if (reply == null && r.ended().isDone()) {
                    Throwable e = r.ended().handle((v, x) -> x).join();
                    throw failedStart(r, e instanceof java.util.concurrent.CompletionException ? e.getCause() : e,
                            "its stage ended first");
                } else if (reply == null && System.nanoTime() > deadline) {
                    throw failedStart(r, null, "only " + n + " of " + size + " ranks were ready after " + limit + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failedStart(r, e, "interrupted");
        }
    }

    private RuntimeException failedStart(Ranks r, Throwable cause, String why) {
        stop(r);
        if (cause instanceof MpiException me) {
            return me;
        }
        return new MpiException(-1, "MpiSession.start", -1, "the session's " + size + " ranks could not start: " + why
                + (cause == null ? "" : ": " + cause), cause);
    }

    /** Ends the current ranks and starts new ones; says what became of them, for the cell's report. */
    private String restart() {
        Ranks old = ranks;
        ranks = null;
        stop(old);
        try {
            ranks = launch();
            return "the session restarted its " + size + " ranks: every rank variable was lost";
        } catch (RuntimeException e) {
            return "the session could not restart its ranks (" + e.getMessage() + "); the next cell tries again";
        }
    }

    /** Closes the ranks' connections, lets their stage end (cancelling it if it does not), and waits for it. */
    private void stop(Ranks r) {
        r.server().close();
        long grace = MpiConf.FINALIZE_TIMEOUT.get(mpi.sparkContext().getConf()) + 10_000;
        if (!await(r, grace)) {
            mpi.sparkContext().sc().cancelJobGroup(group);
            await(r, 10_000);
        }
        r.server().closeNow();
    }

    private static boolean await(Ranks r, long millis) {
        try {
            r.thread().join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !r.thread().isAlive();
    }

    /** Ends every rank (in order: each leaves its loop, then its world) and frees the session's threads and ports. */
    @Override
    public synchronized void close() {
        if (closed && ranks == null) {
            return;
        }
        closed = true;
        mpi.sparkContext().sc().removeSparkListener(listener);
        Ranks r = ranks;
        ranks = null;
        if (r != null) {
            stop(r);
        }
    }

    @Override
    public String toString() {
        return "MpiSession[" + size + " ranks" + (closed ? ", closed" : "") + "]";
    }
}
