package org.mpionspark.bridge.channel;

import org.mpionspark.bridge.wait.Waiter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.mpionspark.bridge.collective.Collectives;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.transport.MeetingBoard;
import org.mpionspark.bridge.transport.Transport;

/**
 * One communicator's collective calls, and where its ranks are: each call {@link #begin begun}
 * here is a {@link ChannelCall} numbered in order, whose messages and meetings only match the
 * same call of its peers ({@link CollectiveTags}), so a mismatched call is diagnosed, never
 * matched.
 */
public final class CollectiveChannel {

    final Transport transport;
    final Waiter waiter;
    final int context;
    final int rank;
    final int size;
    /** Maps a rank of the communicator to its world rank. */
    final IntUnaryOperator world;
    final boolean coresShared;
    /** Which collectives go in two levels where this communicator's ranks share JVMs. */
    final TwoLevelMode twoLevel;
    private final CollectiveScope scope;
    /** Where this JVM's ranks of the world meet in memory; null when no other rank of the world is here. */
    final MeetingBoard board;
    /** This communicator's ranks in this JVM, ascending (this rank among them); empty without a board. */
    final int[] localRanks;
    /** The lowest rank of each JVM this communicator spans, ascending: the two-level leaders. */
    final int[] leaders;
    /** For each rank of this communicator, the index in {@link #leaders} of its JVM's leader; empty without a board. */
    final int[] leaderOf;
    private int nextSeq;
    /** Every call's number, unwrapped: names its meetings in memory. */
    private long nextStep;

    public CollectiveChannel(Transport transport, Waiter waiter, int context, int rank, int size, IntUnaryOperator world,
                             boolean coresShared, TwoLevelMode twoLevel, CollectiveScope scope) {
        this.scope = scope;
        this.twoLevel = twoLevel;
        this.transport = transport;
        this.waiter = waiter;
        this.context = context;
        this.rank = rank;
        this.size = size;
        this.world = world;
        this.coresShared = coresShared;
        this.board = size < 2 ? null : transport.board();
        Map<String, Integer> jvms = new LinkedHashMap<>(); // each JVM's index among the leaders
        List<Integer> firsts = new ArrayList<>();
        List<Integer> here = new ArrayList<>();
        this.leaderOf = new int[board == null ? 0 : size];
        for (int r = 0; board != null && r < size; r++) {
            int w = world.applyAsInt(r);
            int r0 = r;
            leaderOf[r] = jvms.computeIfAbsent(board.jvm(w), k -> {
                firsts.add(r0);
                return firsts.size() - 1;
            });
            if (board.local(w)) {
                here.add(r);
            }
        }
        this.localRanks = here.stream().mapToInt(Integer::intValue).toArray();
        this.leaders = firsts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every rank of this communicator is in this JVM: its collectives run in memory alone. */
    boolean allHere() {
        return board != null && localRanks.length == size;
    }

    /** Its ranks span JVMs and some share one, and two levels are not ruled out: collectives can go two-level. */
    boolean grouped() {
        return twoLevel != TwoLevelMode.NEVER && board != null && localRanks.length < size && leaders.length < size;
    }

    /** This rank's place among the communicator's ranks in this JVM. */
    int localIndex() {
        return Arrays.binarySearch(localRanks, rank);
    }

    /**
     * Starts a collective call. Its messages carry the sequence number of the call and a
     * signature of the operation's name (up to its '(') and of {@code shape}: the arguments every
     * rank must agree on (type, count, root, op). The rest of {@code operation} may differ between
     * ranks and only names the call in errors. Each call has its own state, so a second thread
     * starting a collective cannot change the tags of one in progress.
     */
    public ChannelCall begin(String operation, int... shape) {
        return begin(operation, null, shape);
    }

    /**
     * As {@link #begin(String, int...)}; {@code detail} says in words what {@code shape} holds
     * (e.g. "count 3"), so that a mismatch found where the ranks meet can print what differs.
     */
    public synchronized ChannelCall begin(String operation, String detail, int... shape) {
        scope.check(rank, operation, size, world);
        waiter.checkFree(operation);
        int seq = nextSeq;
        nextSeq = CollectiveTags.next(context, nextSeq);
        return new ChannelCall(this, operation, detail, seq, nextStep++, shape);
    }

    /**
     * The implicit barrier that ends a rank (no operation timeout: peers may compute as long as
     * they need), then a look for collective messages nobody received: ranks that disagreed on a
     * root both sent and returned, and only these leftovers tell. Best effort: a leftover still in
     * flight is missed, and one found is always a mismatch.
     */
    public void endOfRank() {
        Collectives.barrier(begin(CollectiveTags.END).unbounded());
        for (int r = 0; r < size; r++) {
            int source = r;
            int[] p = r == rank ? null : waiter.call(() -> transport.iprobe(Transport.COLLECTIVE,
                    world.applyAsInt(source), Transport.ANY), CollectiveTags.END, r);
            if (p != null && !CollectiveTags.mpjOwn(p[1])) {
                throw Mismatch.leftover(rank, r, CollectiveTags.seqOf(p[1]));
            }
        }
    }
}
