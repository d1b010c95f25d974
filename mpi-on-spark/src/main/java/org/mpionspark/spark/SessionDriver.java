package org.mpionspark.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.internal.CancelWatch;
import org.mpionspark.spark.internal.CellServer;
import org.mpionspark.spark.internal.SessionRankLoop;

/**
 * The driver's side of an {@link MpiSession}: starts its ranks' barrier stage and waits until
 * each is ready, sends each cell and collects the answers (within the cell timeout, or until the
 * cell's job group is cancelled), restarts the ranks after a cell that broke their world, and
 * stops them.
 */
final class SessionDriver {

    private static final long ABORT_GRACE_MILLIS = 5_000;
    /**
     * Told of each cell server as it opens, before its ranks start: tests play there the local
     * process that connects to every new port of the driver.
     */
    static volatile java.util.function.Consumer<CellServer> cellServerOpened = server -> { };

    private final JavaMpiContext mpi;
    private final int size;
    private final String name;
    /** The Spark job group of the ranks' stage: cancelling it aborts every rank's MPI call. */
    private final String group;
    private final RankOptions options;
    private volatile Ranks ranks;
    private long cells;

    /** One run of the session's barrier stage: its cell server and the stage's end. */
    private record Ranks(CellServer server, CompletableFuture<Void> ended, Thread thread) {
    }

    /** Starts {@code size} ranks and waits until each is in its world. */
    SessionDriver(JavaMpiContext mpi, int size, String name, String group, RankOptions options) {
        this.mpi = mpi;
        this.size = size;
        this.name = name;
        this.group = group;
        this.options = options;
        this.ranks = launch();
    }

    /**
     * Runs a cell ({@code bytes}, serialised) on {@code targets}; the other ranks wait. Stopped
     * after {@code timeoutMillis} (0: never); a cell that broke the world restarts the ranks, and
     * the result says so.
     */
    <R> CellResult<R> cell(int[] targets, byte[] bytes, long timeoutMillis) {
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
        String stopped = collect(current, id, answers, lost, timeoutMillis);
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
    private String collect(Ranks current, long id, Map<Integer, CellServer.Answer> answers, Map<Integer, String> lost,
                           long timeout) {
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

    /** Starts the barrier stage of the ranks and waits until each is in its world and connected. */
    private Ranks launch() {
        JavaSparkContext jsc = mpi.sparkContext();
        CellServer server = CellServer.open(mpi.conf(), size, name);
        cellServerOpened.accept(server);
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
        long limit = MpiConf.SLOTS_WAIT_TIMEOUT.get(mpi.conf()) + MpiConf.RENDEZVOUS_TIMEOUT.get(mpi.conf()) + 30_000;
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
        long grace = MpiConf.FINALIZE_TIMEOUT.get(mpi.conf()) + 10_000;
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

    /** Closes the ranks' connections at once, from any thread (the application is ending). */
    void closeNow() {
        Ranks r = ranks;
        if (r != null) {
            r.server().closeNow();
        }
    }

    /** Ends every rank (each leaves its loop, then its world) and frees their threads and ports. */
    void close() {
        Ranks r = ranks;
        ranks = null;
        if (r != null) {
            stop(r);
        }
    }
}
