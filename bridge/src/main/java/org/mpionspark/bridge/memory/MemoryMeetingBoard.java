package org.mpionspark.bridge.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.mpionspark.bridge.transport.Meeting;
import org.mpionspark.bridge.transport.MeetingBoard;

/**
 * Where the collective calls of one world's ranks in this JVM meet: one {@link Meeting}
 * per (communicator, call), made by the first member to arrive and removed by the last to leave.
 * Arrays and phases are published through atomics, so what a member wrote before it arrived at a
 * phase is seen by every member that saw the phase reached.
 */
final class MemoryMeetingBoard implements MeetingBoard {

    /** Phases a collective may use (publish, reduce, copy out...). */
    static final int PHASES = 8;

    private final MemoryWorld world;
    private final Map<Key, Held> meetings = new ConcurrentHashMap<>();

    private final Map<Seat, Joined> seats = new ConcurrentHashMap<>();

    private record Key(int context, int firstRank, long step) {
    }

    /** A member of a communicator's meetings. */
    private record Seat(int context, int firstRank, int localIndex) {
    }

    MemoryMeetingBoard(MemoryWorld world) {
        this.world = world;
    }

    @Override
    public boolean local(int worldRank) {
        return world.box(worldRank) != null;
    }

    @Override
    public String jvm(int worldRank) {
        return world.jvm(worldRank);
    }

    @Override
    public Meeting meet(int context, int firstRank, long step, int members, int localIndex, int signature,
                                   String operation) {
        Key key = new Key(context, firstRank, step);
        Held m = meetings.computeIfAbsent(key, k -> new Held(k, members));
        seats.put(new Seat(context, firstRank, localIndex), new Joined(step, signature, operation));
        m.join(localIndex, signature, operation);
        return m;
    }

    @Override
    public Joined joined(int context, int firstRank, int localIndex) {
        return seats.get(new Seat(context, firstRank, localIndex));
    }

    /** Meetings not yet left by all their members: 0 between collectives (tests check it). */
    int open() {
        return meetings.size();
    }

    private void ringAll() {
        for (int r = 0; r < world.size(); r++) {
            Mailbox b = world.box(r);
            if (b != null) {
                b.bell.ring();
            }
        }
    }

    private final class Held implements Meeting {
        private final Key key;
        private final int members;
        private final AtomicIntegerArray reachedBy;
        private final AtomicReferenceArray<Object> buffers;
        private final AtomicIntegerArray signatures;
        private final AtomicReferenceArray<String> operations;
        private final AtomicIntegerArray arrived = new AtomicIntegerArray(PHASES);
        private final AtomicInteger left = new AtomicInteger();

        Held(Key key, int members) {
            this.key = key;
            this.members = members;
            this.reachedBy = new AtomicIntegerArray(members);
            this.buffers = new AtomicReferenceArray<>(members);
            this.signatures = new AtomicIntegerArray(members);
            this.operations = new AtomicReferenceArray<>(members);
        }

        void join(int localIndex, int signature, String operation) {
            if (localIndex < 0 || localIndex >= members) {
                throw new IllegalStateException("member " + localIndex + " of a meeting of " + members);
            }
            signatures.set(localIndex, signature);
            operations.set(localIndex, operation); // set last: a member counts as joined once its operation is seen
            ringAll(); // a member waiting at another call of this meeting can now tell the mismatch
        }

        @Override
        public int mismatch(int signature) {
            for (int i = 0; i < members; i++) {
                if (operations.get(i) != null && signatures.get(i) != signature) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean allJoined() {
            for (int i = 0; i < members; i++) {
                if (operations.get(i) == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int oddOneOut() {
            Map<Integer, Integer> votes = new java.util.HashMap<>();
            int joined = 0;
            for (int i = 0; i < members; i++) {
                if (operations.get(i) != null) {
                    votes.merge(signatures.get(i), 1, Integer::sum);
                    joined++;
                }
            }
            for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
                if (2 * v.getValue() > joined) {
                    for (int i = 0; i < members; i++) {
                        if (operations.get(i) != null && signatures.get(i) != v.getKey()) {
                            return i;
                        }
                    }
                }
            }
            return -1;
        }

        @Override
        public String operation(int localIndex) {
            return operations.get(localIndex);
        }

        @Override
        public void publish(int localIndex, Object buf) {
            buffers.set(localIndex, buf);
        }

        @Override
        public Object buffer(int localIndex) {
            return buffers.get(localIndex);
        }

        @Override
        public void arrive(int localIndex, int phase) {
            if (phase >= PHASES) {
                throw new IllegalStateException("a shared collective step has at most " + PHASES + " phases");
            }
            reachedBy.set(localIndex, phase + 1);
            if (arrived.incrementAndGet(phase) == members) {
                ringAll();
            }
        }

        @Override
        public int laggard(int phase) {
            for (int i = 0; i < members; i++) {
                if (reachedBy.get(i) <= phase) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean reached(int phase) {
            return arrived.get(phase) >= members;
        }

        @Override
        public void leave(int localIndex) {
            seats.remove(new Seat(key.context(), key.firstRank(), localIndex),
                    new Joined(key.step(), signatures.get(localIndex), operations.get(localIndex)));
            if (left.incrementAndGet() == members) {
                meetings.remove(key, this);
            }
        }
    }
}
