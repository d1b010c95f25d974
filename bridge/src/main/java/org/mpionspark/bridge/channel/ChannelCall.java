package org.mpionspark.bridge.channel;

import org.mpionspark.bridge.collective.Call;
import org.mpionspark.bridge.collective.Groups;
import org.mpionspark.bridge.collective.Links;
import org.mpionspark.bridge.collective.Meetings;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.rendezvous.CollectiveCall;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.MeetingBoard;
import org.mpionspark.bridge.transport.Transport;

/**
 * One collective call on its {@link CollectiveChannel}: blocking point-to-point with its peers,
 * tagged with the call's number and signature, and the call's meetings in memory where its ranks
 * share this JVM. A receive that stalls looks at what the peer sent instead, to name a mismatch.
 */
final class ChannelCall implements Call {
    private final CollectiveChannel channel;
    final String operation;
    /** What the call's shape holds, in words (e.g. "count 3"); null where it says nothing more. */
    private final String detail;
    final int seq;
    private final int tag;
    /** Every call's number, unwrapped: names its meetings in memory. */
    final long step;
    /** The whole signature, where the tag has room for 10 bits of it: ranks meeting in memory compare it. */
    final int fullSignature;
    boolean unbounded;
    private CallMeetings meetings;
    /** This call as a long wait tells it to the driver, which compares the ranks' calls on a mismatch. */
    final String reported;

    ChannelCall(CollectiveChannel channel, String operation, String detail, int seq, long step, int... shape) {
        this.channel = channel;
        this.operation = operation;
        this.detail = detail;
        this.seq = seq;
        this.step = step;
        this.fullSignature = CollectiveTags.fullSignature(operation, shape);
        this.tag = CollectiveTags.tag(channel.context, seq, CollectiveTags.signature(operation, shape));
        this.reported = new CollectiveCall(channel.context, step, described()).encode();
    }

    /** The operation with its detail, as ranks meeting in memory show it to each other. */
    String described() {
        return detail == null ? operation : operation + " with " + detail;
    }

    /** Waits of this call have no operation timeout (the end of a rank); they still end on an abort. */
    ChannelCall unbounded() {
        unbounded = true;
        return this;
    }

    @Override
    public Meetings meetings() {
        return channel.allHere() ? meetingsHere() : null;
    }

    @Override
    public Groups groups() {
        if (!channel.grouped()) {
            return null;
        }
        CallMeetings local = meetingsHere();
        int index = channel.localIndex();
        int size = channel.localRanks.length;
        Links leaders = index == 0 ? new LeaderLinks(this, channel.leaders) : null;
        return new Groups() {
            @Override
            public Meetings local() {
                return local;
            }

            @Override
            public int localIndex() {
                return index;
            }

            @Override
            public int localSize() {
                return size;
            }

            @Override
            public Links leaders() {
                return leaders;
            }

            @Override
            public int localIndexOf(int rank) {
                int i = java.util.Arrays.binarySearch(channel.localRanks, rank);
                return i >= 0 ? i : -1;
            }

            @Override
            public int leaderOf(int rank) {
                return channel.leaderOf[rank];
            }

            @Override
            public RuntimeException countMismatch(int rank, int sent, int expected) {
                return channel.waiter.countMismatch(operation, rank, sent, expected);
            }
        };
    }

    private CallMeetings meetingsHere() {
        if (meetings == null) {
            meetings = new CallMeetings(channel, this);
        }
        return meetings;
    }

    @Override
    public boolean twoLevelAlways() {
        return channel.twoLevel == TwoLevelMode.ALWAYS;
    }

    @Override
    public boolean sharesJvm() {
        return channel.board != null && channel.localRanks.length > 1;
    }

    @Override
    public int rank() {
        return channel.rank;
    }

    @Override
    public int size() {
        return channel.size;
    }

    @Override
    public boolean coresShared() {
        return channel.coresShared;
    }

    @Override
    public void send(ArrayKind kind, Object buf, int offset, int count, int dest) {
        String op = operation + " sending to rank " + dest;
        int to = channel.world.applyAsInt(dest);
        Transport.Pending p = channel.waiter.call(() -> channel.transport.isend(Transport.COLLECTIVE, kind, buf, offset,
                count, to, tag), op, dest);
        await(p, op, dest, null);
    }

    @Override
    public void recv(ArrayKind kind, Object buf, int offset, int count, int source) {
        String op = operation + " receiving from rank " + source;
        int from = channel.world.applyAsInt(source);
        Transport.Pending p = channel.waiter.call(() -> channel.transport.irecv(Transport.COLLECTIVE, kind, buf, offset,
                count, from, tag), op, source);
        whole(await(p, op, source, () -> diagnose(source)), count, op, source);
    }

    @Override
    public void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                         Object recvbuf, int recvOffset, int recvCount, int source) {
        String in = operation + " receiving from rank " + source;
        String out = operation + " sending to rank " + dest;
        int from = channel.world.applyAsInt(source);
        int to = channel.world.applyAsInt(dest);
        Transport.Pending r = channel.waiter.call(() -> channel.transport.irecv(Transport.COLLECTIVE, kind, recvbuf,
                recvOffset, recvCount, from, tag), in, source);
        Transport.Pending s = channel.waiter.call(() -> channel.transport.isend(Transport.COLLECTIVE, kind, sendbuf,
                sendOffset, sendCount, to, tag), out, dest);
        whole(await(r, in, source, () -> diagnose(source)), recvCount, in, source);
        await(s, out, dest, null);
    }

    /** A collective's blocks have sizes every rank agrees on: a shorter message means mismatched counts. */
    private void whole(int[] status, int expected, String op, int source) {
        if (status[2] != expected) {
            throw channel.waiter.countMismatch(op, source, status[2], expected);
        }
    }

    private int[] await(Transport.Pending p, String op, int peer, Runnable stallCheck) {
        return unbounded ? channel.waiter.awaitUnbounded(p, op, peer, stallCheck, reported)
                : channel.waiter.await(p, op, peer, stallCheck, reported);
    }

    /**
     * Throws if {@code source} has sent a message for a different collective call than this one,
     * or, where it shares this JVM, meets in memory for another call (which sends no message).
     */
    private void diagnose(int source) {
        int[] p = channel.waiter.call(() -> channel.transport.iprobe(Transport.COLLECTIVE,
                channel.world.applyAsInt(source), Transport.ANY), operation, source);
        if (p != null && (p[1] >>> Matcher.TAG_BITS) == channel.context && !CollectiveTags.mpjOwn(p[1])
                && (p[1] & Matcher.TAG_MASK) != (tag & Matcher.TAG_MASK)) {
            throw Mismatch.of(channel.rank, operation, operation, seq, source, CollectiveTags.isEnd(p[1]), null,
                    CollectiveTags.seqOf(p[1]));
        }
        int at = channel.board == null ? -1 : java.util.Arrays.binarySearch(channel.localRanks, source);
        MeetingBoard.Joined j = at < 0 ? null : channel.board.joined(channel.context, channel.world.applyAsInt(0), at);
        if (j != null && ((j.step() >>> 8) != step || j.signature() != fullSignature)) {
            throw Mismatch.of(channel.rank, operation, described(), (int) step, source,
                    j.operation().equals(CollectiveTags.END), j.operation(), (int) (j.step() >>> 8));
        }
    }
}
