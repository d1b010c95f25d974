package org.mpionspark.bridge.wait;


import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.mpionspark.bridge.rendezvous.RemoteError;
import org.mpionspark.bridge.transport.Transport;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiTimeoutException;

/**
 * The one place a rank calls into its transport and waits, and every wait ends: done, aborted, or
 * timed out. It polls a non-blocking operation, spinning a few times, then sleeps: on the rank's
 * bell on the memory path (rung whenever anything happens for the rank), on the MPJ request itself
 * when it has one (MPJ notifies it on completion), else by yielding, then parking for ever longer
 * pauses. Spinning long starves MPJ's selector threads when ranks share few cores.
 *
 * <p>It also keeps the rank to one thread at a time (a second thread gets a clear error, not a
 * lost message), and hides the caller's interrupt flag from MPJ Express, whose socket channels
 * would close for the whole world if an interrupted thread touched them.
 */
public final class Waiter {

    private static final int SPINS = 10;
    private static final int YIELDS = 2_000;
    private static final long MAX_PARK_NANOS = 100_000;
    private static final long BLOCK_NANOS = 1_000_000;
    /** How long a transport error waits for the world's abort that usually explains it. */
    private static final long ABORT_GRACE_NANOS = 2_000_000_000L;
    /** After this long a waiting collective looks for a mismatched call on its peer's side. */
    private static final long STALL_NANOS = 1_000_000_000L;
    private static final LongSupplier NO_PROGRESS = () -> 0;

    private final int rank;
    /** Its transport, when it can wake waits on activity ({@link Transport#activity}); else null. */
    private final Transport wakes;
    /** {@code Long.MAX_VALUE}: no timeout. */
    private final long timeoutNanos;
    private final AbortState abort;
    private final BlockReport report;
    /** Sees the rank's own code polling requests in vain. */
    private final PollWatch polls;
    /** {@code waitAny}, {@code testSome} and the others over this rank's requests. */
    private final RequestWaits waits = new RequestWaits(this);
    private Thread owner;
    /** Whether the rank's thread tests requests inside a wait bounded itself ({@link #insideWait}). */
    private boolean insideWait;
    private int depth;
    private String ownerOperation;
    private int ownerPeer;
    /** The threads of the rank's non-blocking collectives (a {@code CollectiveLane} per communicator): they run beside the owner. */
    private final java.util.Set<Thread> lanes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** {@code timeoutMillis}: longest wait of one call, 0 for none. */
    public Waiter(Transport transport, long timeoutMillis, AbortState abort, BlockReport report) {
        this.rank = transport.rank();
        this.wakes = transport.activity() >= 0 ? transport : null;
        this.timeoutNanos = nanos(timeoutMillis);
        this.abort = abort;
        this.report = report;
        this.polls = new PollWatch(report);
    }

    /** How the API's {@code Request.waitAny}, {@code testSome} and the others wait on this rank's requests. */
    public org.mpionspark.mpi.Request.Waits waits() {
        return waits;
    }

    /** Milliseconds as nanoseconds, saturating; 0 (no timeout) and anything huge give {@code Long.MAX_VALUE}. */
    static long nanos(long millis) {
        return millis <= 0 || millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L;
    }

    /** Fails if another thread is using the rank now: a collective must not start beside its wait. */
    public void checkFree(String operation) {
        boolean first = enter(operation, -1);
        exit();
        if (first) {
            polls.otherCall();
        }
    }

    /** Lets {@code t}, a thread of the rank's non-blocking collectives, call beside the rank's user. */
    public void lane(Thread t) {
        lanes.add(t);
    }

    /** Forgets {@code t}, a lane thread that has ended. */
    public void laneEnded(Thread t) {
        lanes.remove(t);
    }

    private boolean onLane() {
        return lanes.contains(Thread.currentThread());
    }

    /**
     * Makes this thread the rank's user until {@link #exit()}, or fails if another thread is;
     * true if this begins a call of the rank's own code (not a lane's, not one inside another).
     */
    private synchronized boolean enter(String operation, int peer) {
        Thread me = Thread.currentThread();
        if (onLane()) {
            return false;
        }
        if (owner != null && owner != me) {
            throw new MpiException(rank, operation, peer, "thread '" + me.getName() + "' called the rank while thread '"
                    + owner.getName() + "' is in " + ownerOperation + ": a rank's communicators may be used by one "
                    + "thread at a time");
        }
        if (depth++ == 0) {
            owner = me;
            ownerOperation = operation;
            ownerPeer = peer;
            return true;
        }
        return false;
    }

    /**
     * Throws the world's abort, if any, naming {@code operation}; inside {@code waitAny} and the
     * like, the wait under way, not the test of one of its requests.
     */
    private void checkAbort(String operation, int peer) {
        if (!abort.aborted()) {
            return;
        }
        synchronized (this) {
            if (insideWait && owner == Thread.currentThread() && depth > 0) {
                operation = ownerOperation;
                peer = ownerPeer;
            }
        }
        abort.check(operation, peer);
    }

    private synchronized void exit() {
        if (onLane()) {
            return;
        }
        if (--depth == 0) {
            owner = null;
            ownerOperation = null;
        }
    }

    /**
     * Calls into the transport once, unless the world is already aborted or over. MPJ Express
     * errors become an {@link MpiException} naming the call; when a peer died, its sockets often
     * fail before the driver's abort arrives, so the abort (which names the failed rank and
     * carries its error) is awaited briefly and preferred.
     */
    public <T> T call(Supplier<T> op, String operation, int peer) {
        checkAbort(operation, peer);
        if (enter(operation, peer)) {
            polls.otherCall();
        }
        boolean interrupted = Thread.interrupted();
        try {
            return op.get();
        } catch (MpiException e) {
            throw e;
        } catch (Transport.Truncated t) {
            throw countMismatch(operation, peer, t.sent(), t.capacity());
        } catch (RuntimeException raw) {
            RuntimeException e = RemoteError.of(raw); // MPJ's own exception would keep the rank's loader alive
            long until = System.nanoTime() + ABORT_GRACE_NANOS;
            while (System.nanoTime() < until) {
                if (abort.aborted()) {
                    try {
                        abort.check(operation, peer);
                    } catch (MpiException aborted) {
                        aborted.addSuppressed(e);
                        throw aborted;
                    }
                }
                LockSupport.parkNanos(5_000_000);
            }
            throw new MpiException(rank, operation, peer, "the transport failed: " + e, e);
        } finally {
            exit();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A non-blocking test the rank's own code calls ({@code test}, {@code testAny}, {@code iprobe}…),
     * run as {@link #call}; {@code found} says what it found: -1 something (a request completed),
     * else a count that stays the same while nothing new happens. A rank that keeps polling in vain
     * is told to the driver ({@link PollWatch}); a test inside another call of the rank is not.
     */
    public <T> T poll(Supplier<T> test, String call, int peer, ToLongFunction<T> found) {
        long startNanos = System.nanoTime();
        long startCpu = PollWatch.cpuNanos();
        checkAbort(call, peer);
        if (wakes != null) {
            wakes.progress(); // what came from other JVMs while the rank computed
        }
        if (!enter(call, peer)) {
            try {
                return test.get();
            } finally {
                exit();
            }
        }
        polls.before(startNanos, startCpu);
        T result;
        try {
            result = test.get();
        } finally {
            exit();
        }
        polls.after(call, found.applyAsLong(result), System.nanoTime());
        polls.ended(PollWatch.cpuNanos());
        return result;
    }

    /**
     * Runs {@code tests} (requests' {@code test()}) inside a wait that is bounded itself, as
     * {@code waitAny} is: the requests do not time out on their own there, the wait does.
     */
    <T> T insideWait(Supplier<T> tests) {
        boolean was = insideWait;
        insideWait = true;
        try {
            return tests.get();
        } finally {
            insideWait = was;
        }
    }

    /** A collective's message of another size than this rank expects: the ranks disagree on counts. */
    public MpiException countMismatch(String operation, int peer, int sent, int expected) {
        return new MpiException(rank, operation, peer, "rank " + peer + " sent " + sent + " elements where "
                + expected + " were expected: the ranks passed different counts");
    }

    /** Polls {@code poll} until it returns non-null; {@code operation} and {@code peer} name the wait in errors. */
    public <T> T await(Supplier<T> rawPoll, String operation, int peer) {
        return await(rawPoll, operation, () -> peer, null, NO_PROGRESS, null, timeoutNanos);
    }

    /** As {@link #await(Supplier, String, int)}; {@code progress} tells the watchdog the wait is moving bytes. */
    public <T> T await(Supplier<T> rawPoll, String operation, int peer, LongSupplier progress) {
        return await(rawPoll, operation, () -> peer, null, progress, null, timeoutNanos);
    }

    /**
     * As {@link #await(Supplier, String, int)} where the peer waited for changes as the wait goes
     * on (ranks meeting in memory: the one named is one still missing); {@code unbounded}: no
     * operation timeout (the end of a rank), though it still ends on an abort.
     */
    public <T> T await(Supplier<T> rawPoll, String operation, java.util.function.IntSupplier peer, boolean unbounded) {
        return await(rawPoll, operation, peer, unbounded, null);
    }

    /** As above, inside the collective call {@code collective} ({@code CollectiveCall.encode()}), told to the driver. */
    public <T> T await(Supplier<T> rawPoll, String operation, java.util.function.IntSupplier peer, boolean unbounded,
                       String collective) {
        return await(rawPoll, operation, peer, null, NO_PROGRESS, null, unbounded ? Long.MAX_VALUE : timeoutNanos,
                collective);
    }

    /**
     * Waits for an MPJ operation: after a short spin it sleeps on the operation itself, woken
     * the moment MPJ completes it, so waiting ranks leave the cores to the threads moving data.
     */
    public int[] await(Transport.Pending pending, String operation, int peer, Runnable stallCheck) {
        return await(pending, operation, peer, stallCheck, null);
    }

    /**
     * As above, inside the collective call {@code collective} ({@code CollectiveCall.encode()}): a long
     * wait tells it to the driver, which compares the ranks' calls when one of them sees a mismatch.
     */
    public int[] await(Transport.Pending pending, String operation, int peer, Runnable stallCheck, String collective) {
        return await(pending::test, operation, () -> peer, stallCheck, pending::progress, pending, timeoutNanos,
                collective);
    }

    /**
     * As {@link #await(Transport.Pending, String, int, Runnable)} with no operation timeout: for
     * the end of a rank, where peers may still compute for as long as they need. It still ends
     * on an abort, and the driver's watchdog still sees a deadlock.
     */
    public int[] awaitUnbounded(Transport.Pending pending, String operation, int peer, Runnable stallCheck,
                                String collective) {
        return await(pending::test, operation, () -> peer, stallCheck, pending::progress, pending, Long.MAX_VALUE,
                collective);
    }

    /**
     * Polls until done, running {@code stallCheck} (which may throw a diagnosis) once the wait has
     * lasted a second, then every second.
     */
    private <T> T await(Supplier<T> rawPoll, String operation, java.util.function.IntSupplier peer, Runnable stallCheck,
                        LongSupplier progress, Transport.Pending sleepOn, long limitNanos) {
        return await(rawPoll, operation, peer, stallCheck, progress, sleepOn, limitNanos, null);
    }

    private <T> T await(Supplier<T> rawPoll, String operation, java.util.function.IntSupplier peer, Runnable stallCheck,
                        LongSupplier progress, Transport.Pending sleepOn, long limitNanos, String collective) {
        Supplier<T> poll = () -> call(rawPoll, operation, peer.getAsInt());
        T done = poll.get();
        if (done != null) {
            return done;
        }
        enter(operation, peer.getAsInt());
        boolean interrupted = Thread.interrupted(); // else parking returns at once and the wait spins
        boolean ended = false;
        try {
            T result = poll(poll, operation, peer, stallCheck, progress, sleepOn, limitNanos, collective);
            ended = true;
            return result;
        } finally {
            if (!onLane()) {
                report.resumed(ended); // a failed wait stays "blocked" for the driver: the rank is failing in it
            }
            exit();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> T poll(Supplier<T> poll, String operation, java.util.function.IntSupplier peers, Runnable stallCheck,
                       LongSupplier progress, Transport.Pending sleepOn, long limitNanos, String collective) {
        long start = System.nanoTime();
        long nextStallCheck = start + STALL_NANOS;
        long park = 1_000;
        for (int i = 0; ; i++) {
            int peer = peers.getAsInt();
            long seen = wakes == null ? 0 : wakes.activity(); // read before polling: no wake-up is lost
            T done = poll.get();
            if (done != null) {
                return done;
            }
            if (i < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            if (wakes != null) { // the memory path rings the rank's bell when anything happens for it
                if ((i & 15) != 0) {
                    wakes.awaitActivity(seen, BLOCK_NANOS);
                    continue;
                }
            } else if (sleepOn != null) {
                if ((i & 15) != 0) { // check abort, stall and timeout every 16 sleeps (at most ~16 ms)
                    call(() -> {
                        sleepOn.block(BLOCK_NANOS);
                        return Boolean.TRUE;
                    }, operation, peer);
                    continue;
                }
            } else if (i < YIELDS) { // cheap to resume, and leaves the core to MPJ's selector threads
                Thread.yield();
                if ((i & 63) != 0) {
                    continue;
                }
            }
            abort.check(operation, peer);
            long now = System.nanoTime();
            if (!onLane()) { // a lane waits beside a rank that may be computing
                report.waiting(operation, collective, start, now, progress.getAsLong());
            }
            if (stallCheck != null && now > nextStallCheck) {
                stallCheck.run();
                nextStallCheck = now + STALL_NANOS;
            }
            long waited = now - start;
            if (waited > limitNanos) {
                throw new MpiTimeoutException(rank, operation, peer, limitNanos / 1_000_000, "no answer after "
                        + waited / 1_000_000
                        + " ms (spark.mpi.op.timeout); the peer is stuck, slower, or never makes the matching call");
            }
            if (wakes == null && sleepOn == null && i >= YIELDS) {
                LockSupport.parkNanos(park);
                park = Math.min(MAX_PARK_NANOS, park * 2);
            }
        }
    }

    /**
     * For a request polled with {@code test()} rather than waited on: throws the world's abort, or
     * a timeout once it has been in flight longer than the operation timeout.
     */
    public void checkStillWaiting(long startedNanos, String operation, int peer) {
        checkAbort(operation, peer);
        if (insideWait) {
            return;
        }
        long waited = System.nanoTime() - startedNanos;
        if (waited > timeoutNanos) {
            throw new MpiTimeoutException(rank, operation, peer, timeoutNanos / 1_000_000, "still not complete after "
                    + waited / 1_000_000
                    + " ms (spark.mpi.op.timeout)");
        }
    }
}
