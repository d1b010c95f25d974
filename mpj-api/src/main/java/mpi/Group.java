package mpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An ordered set of processes ({@code MPI_Group}), over mpi-on-spark's {@link org.mpionspark.mpi.Group}. */
public class Group {

    /** The result of a rank that is in no group (MPJ Express's constant). */
    public static final int EMPTY = -1;

    public int code;
    final org.mpionspark.mpi.Group group;

    Group(org.mpionspark.mpi.Group group) {
        this.group = group;
    }

    public void free() {
    }

    public int Size() throws MPIException {
        return group.size();
    }

    /** This process's rank in the group, or {@code MPI.UNDEFINED} ({@code MPI_Group_rank}). */
    public int Rank() throws MPIException {
        return mpj(group.rank());
    }

    /** The ranks in {@code group2} of the processes at {@code ranks1} in {@code group1}, {@code MPI.UNDEFINED} if absent. */
    public static int[] Translate_ranks(Group group1, int[] ranks1, Group group2) throws MPIException {
        int[] out = Calls.call("Translate_ranks", () -> group1.group.translateRanks(ranks1, group2.group));
        for (int i = 0; i < out.length; i++) {
            out[i] = mpj(out[i]);
        }
        return out;
    }

    /** {@code MPI.IDENT} (same processes, same order), {@code MPI.SIMILAR} (same processes) or {@code MPI.UNEQUAL}. */
    public static int Compare(Group group1, Group group2) throws MPIException {
        int[] a = group1.group.worldRanks();
        int[] b = group2.group.worldRanks();
        if (Arrays.equals(a, b)) {
            return MPI.IDENT;
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b) ? MPI.SIMILAR : MPI.UNEQUAL;
    }

    public static Group Union(Group group1, Group group2) throws MPIException {
        return new Group(group1.group.union(group2.group));
    }

    public static Group Intersection(Group group1, Group group2) throws MPIException {
        return new Group(group1.group.intersection(group2.group));
    }

    public static Group Difference(Group group1, Group group2) throws MPIException {
        return new Group(group1.group.difference(group2.group));
    }

    public Group Incl(int[] ranks) throws MPIException {
        return Calls.call("Incl", () -> new Group(group.incl(ranks)));
    }

    public Group Excl(int[] ranks) throws MPIException {
        return Calls.call("Excl", () -> new Group(group.excl(ranks)));
    }

    /** The ranks of the triplets {@code {first, last, stride}}, in order ({@code MPI_Group_range_incl}). */
    public Group Range_incl(int[][] ranges) throws MPIException {
        return Calls.call("Range_incl", () -> new Group(group.incl(expand("Range_incl", ranges))));
    }

    /** The group without the ranks of the triplets ({@code MPI_Group_range_excl}). */
    public Group Range_excl(int[][] ranges) throws MPIException {
        return Calls.call("Range_excl", () -> new Group(group.excl(expand("Range_excl", ranges))));
    }

    private static int[] expand(String op, int[][] ranges) {
        List<Integer> out = new ArrayList<>();
        for (int[] r : ranges) {
            if (r.length < 3 || r[2] == 0) {
                throw new MPIException(op + ": a range is {first, last, stride} with a stride other than 0, not "
                        + Arrays.toString(r));
            }
            for (int i = r[0]; r[2] > 0 ? i <= r[1] : i >= r[1]; i += r[2]) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Our "not in the group" as MPJ Express says it ({@code MPI.UNDEFINED}, -1). */
    private static int mpj(int rank) {
        return rank == org.mpionspark.mpi.Group.UNDEFINED ? MPI.UNDEFINED : rank;
    }

    @Override
    public String toString() {
        return group.toString();
    }
}
