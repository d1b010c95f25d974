package org.mpionspark.bridge.channel;

import java.util.function.Supplier;

import org.mpionspark.bridge.collective.Meetings;
import org.mpionspark.bridge.transport.Meeting;

/**
 * A call's meetings in memory among its communicator's ranks in this JVM (all of them, or this
 * JVM's group): each {@link #open()} joins a new meeting on the world's board. Members are indexed
 * by their place among the local ranks, which is their rank when all are here.
 */
final class CallMeetings implements Meetings {

    /** How long a rank that saw a mismatch waits for the other members to join and tell who called differently. */
    private static final long MAJORITY_GRACE_NANOS = 1_000_000_000L;

    private final CollectiveChannel channel;
    private final ChannelCall call;
    private final int index;
    private int generation;
    private Meeting meeting;
    private int phase;
    /** When this rank first saw a member join with another call, while it could not yet tell who is odd; 0: not yet. */
    private long mismatchSeen;

    CallMeetings(CollectiveChannel channel, ChannelCall call) {
        this.channel = channel;
        this.call = call;
        this.index = channel.localIndex();
    }

    @Override
    public void open() {
        channel.waiter.call(() -> {
            meeting = channel.board.meet(channel.context, channel.world.applyAsInt(0),
                    (call.step << 8) | generation++, channel.localRanks.length, index, call.fullSignature,
                    call.described());
            return null;
        }, call.operation, -1);
        phase = 0;
        mismatchSeen = 0;
    }

    @Override
    public void publish(Object buf) {
        meeting.publish(index, buf);
    }

    @Override
    public Object buffer(int r) {
        return meeting.buffer(r);
    }

    @Override
    public void sync() {
        Meeting m = meeting;
        int ph = phase++;
        m.arrive(index, ph);
        Supplier<Boolean> reached = () -> {
            mismatch(m); // once every rank has arrived, every rank has joined: this check is final
            return m.reached(ph) ? Boolean.TRUE : null;
        };
        if (reached.get() != null) {
            return;
        }
        // the rank named is one still missing, at the moment a report or an error is made
        channel.waiter.await(reached, call.operation + " waiting in memory",
                () -> channel.localRanks[Math.max(m.laggard(ph), 0)], call.unbounded, call.reported);
    }

    @Override
    public void close() {
        meeting.leave(index);
        meeting = null;
    }

    /**
     * Throws if a rank met this step with another call than this one: naming, where most members
     * agree, the one that called differently (this rank, maybe), and blaming it.
     */
    private void mismatch(Meeting m) {
        int otherIndex = m.mismatch(call.fullSignature);
        if (otherIndex < 0) {
            return;
        }
        int odd = m.oddOneOut();
        if (odd < 0 && !m.allJoined()) { // the others may join within moments and tell who is odd
            long now = System.nanoTime();
            if (mismatchSeen == 0) {
                mismatchSeen = now;
            }
            if (now - mismatchSeen < MAJORITY_GRACE_NANOS) {
                return;
            }
        }
        if (odd >= 0 && odd != index) {
            otherIndex = odd; // this rank is with the majority: name the one that is not
        }
        String theirs = m.operation(otherIndex);
        int culprit = odd < 0 ? -1 : channel.world.applyAsInt(channel.localRanks[odd]);
        throw Mismatch.of(channel.rank, call.operation, call.described(), call.seq, channel.localRanks[otherIndex],
                theirs.equals(CollectiveTags.END), theirs, call.seq, culprit);
    }
}
