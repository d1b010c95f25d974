package org.mpionspark.mpi;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An ordered set of processes ({@code MPI_Group}): from {@link Communicator#group()}, refined
 * with {@link #incl}, {@link #excl}, {@link #union}, {@link #intersection},
 * {@link #difference}, and turned into a communicator by {@link Communicator#create(Group)}.
 * Immutable; ranks in arguments and results are ranks in the group they are asked of.
 */
public final class Group implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** A rank that is not in the group ({@code MPI_UNDEFINED}). */
    public static final int UNDEFINED = -32766;

    private final int[] processes; // world ranks, in group order
    private final int me;          // this process's world rank

    /** Internal: a group of world ranks, seen from world rank {@code me}. */
    public Group(int[] processes, int me) {
        this.processes = processes.clone();
        this.me = me;
        Set<Integer> seen = new LinkedHashSet<>();
        for (int p : processes) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("a group lists process " + p + " twice");
            }
        }
    }

    /** Number of processes ({@code MPI_Group_size}). */
    public int size() {
        return processes.length;
    }

    /** This process's rank in the group, or {@link #UNDEFINED} ({@code MPI_Group_rank}). */
    public int rank() {
        for (int i = 0; i < processes.length; i++) {
            if (processes[i] == me) {
                return i;
            }
        }
        return UNDEFINED;
    }

    /** The group of the listed ranks, in that order ({@code MPI_Group_incl}). */
    public Group incl(int... ranks) {
        int[] out = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = processes[check("incl", ranks[i])];
        }
        return new Group(out, me);
    }

    /** The group without the listed ranks, order kept ({@code MPI_Group_excl}). */
    public Group excl(int... ranks) {
        boolean[] drop = new boolean[processes.length];
        for (int r : ranks) {
            if (drop[check("excl", r)]) {
                throw new IllegalArgumentException("excl: rank " + r + " is listed twice");
            }
            drop[r] = true;
        }
        return new Group(Arrays.stream(indices()).filter(i -> !drop[i]).map(i -> processes[i]).toArray(), me);
    }

    /** This group's processes, then the other's not already in it ({@code MPI_Group_union}). */
    public Group union(Group other) {
        Set<Integer> all = new LinkedHashSet<>();
        for (int p : processes) {
            all.add(p);
        }
        for (int p : other.processes) {
            all.add(p);
        }
        return new Group(all.stream().mapToInt(Integer::intValue).toArray(), me);
    }

    /** This group's processes that are also in the other, in this group's order ({@code MPI_Group_intersection}). */
    public Group intersection(Group other) {
        Set<Integer> theirs = other.set();
        return new Group(Arrays.stream(processes).filter(theirs::contains).toArray(), me);
    }

    /** This group's processes that are not in the other ({@code MPI_Group_difference}). */
    public Group difference(Group other) {
        Set<Integer> theirs = other.set();
        return new Group(Arrays.stream(processes).filter(p -> !theirs.contains(p)).toArray(), me);
    }

    /** The ranks in {@code other} of the processes at {@code ranks} here, {@link #UNDEFINED} if absent ({@code MPI_Group_translate_ranks}). */
    public int[] translateRanks(int[] ranks, Group other) {
        int[] out = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            int p = processes[check("translateRanks", ranks[i])];
            out[i] = UNDEFINED;
            for (int j = 0; j < other.processes.length; j++) {
                if (other.processes[j] == p) {
                    out[i] = j;
                }
            }
        }
        return out;
    }

    /** Internal: the world ranks of the group, in group order. */
    public int[] worldRanks() {
        return processes.clone();
    }

    private int check(String op, int r) {
        if (r < 0 || r >= processes.length) {
            throw new IllegalArgumentException(op + ": rank " + r + " is not in this group of " + processes.length);
        }
        return r;
    }

    private int[] indices() {
        int[] i = new int[processes.length];
        Arrays.setAll(i, k -> k);
        return i;
    }

    private Set<Integer> set() {
        Set<Integer> s = new LinkedHashSet<>();
        for (int p : processes) {
            s.add(p);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && Arrays.equals(processes, g.processes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(processes);
    }

    @Override
    public String toString() {
        return "Group" + Arrays.toString(processes);
    }
}
