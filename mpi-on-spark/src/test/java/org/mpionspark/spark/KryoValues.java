package org.mpionspark.spark;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Values that are not {@code java.io.Serializable} but travel through the object tier's Kryo. */
final class KryoValues {

    private KryoValues() {
    }

    enum Phase { LOAD, SOLVE, STORE }

    /** A record, not Serializable (Kryo 4 could not send it at all). */
    record Reading(int rank, List<Double> values, EnumMap<Phase, Integer> steps) {
    }

    /** Neither Serializable nor with a no-argument constructor. */
    static final class Tally {
        private final int rank;
        private final Map<String, long[]> sums;

        Tally(int rank, Map<String, long[]> sums) {
            this.rank = rank;
            this.sums = sums;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Tally " + rank);
            sums.forEach((k, v) -> s.append(' ').append(k).append('=').append(java.util.Arrays.toString(v)));
            return s.toString();
        }
    }

    static EnumMap<Phase, Integer> steps(int rank) {
        EnumMap<Phase, Integer> m = new EnumMap<>(Phase.class);
        m.put(Phase.SOLVE, rank * 10);
        m.put(Phase.LOAD, rank);
        return m;
    }

    /** What rank {@code r} of {@link #exchange} returns. */
    static Reading expected(int rank, int size) {
        int from = (rank + size - 1) % size;
        return new Reading(rank, List.of(from + 0.5, (double) size), steps(from));
    }

    /**
     * Each rank sends a {@link Reading} (with an EnumMap) to the next rank in a ring and returns
     * what it got, with the world's size: a non-Serializable record across ranks and back.
     */
    static Reading exchange(org.mpionspark.mpi.Communicator comm) {
        int next = (comm.rank() + 1) % comm.size();
        int prev = (comm.rank() + comm.size() - 1) % comm.size();
        Reading mine = new Reading(comm.rank(), List.of(comm.rank() + 0.5), steps(comm.rank()));
        Reading got = comm.sendrecvObject(mine, next, 1, prev, 1);
        got.steps().put(Phase.STORE, 0); // an EnumMap that kept its key type
        got.steps().remove(Phase.STORE);
        return new Reading(comm.rank(), List.of(got.values().get(0), (double) comm.size()), got.steps());
    }
}
