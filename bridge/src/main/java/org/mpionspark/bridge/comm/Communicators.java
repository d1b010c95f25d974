package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.channel.CollectiveChannel;
import org.mpionspark.bridge.channel.Matcher;

import java.util.Objects;

import org.mpionspark.bridge.collective.Blocks;
import org.mpionspark.bridge.collective.Call;
import org.mpionspark.bridge.collective.Collectives;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Group;
import org.mpionspark.mpi.MpiException;

/**
 * Communicator construction from one communicator ({@code MPI_Comm_split}, {@code _dup},
 * {@code _create}): the ranks agree on members and on a context id no communicator of theirs uses yet.
 */
final class Communicators {
    private final CommState comm;
    private final RankState shared;
    private final Arguments check;
    private final CollectiveChannel collectives;
    private final int rank;
    private final int size;

    Communicators(CommState comm) {
        this.comm = comm;
        this.shared = comm.shared;
        this.check = comm.check;
        this.collectives = comm.collectives;
        this.rank = comm.rank;
        this.size = comm.size;
    }

    Group group() {
        return new Group(comm.worldRanks, shared.transport.rank());
    }

    /** The new communicator of this rank's color, or null for {@code Group.UNDEFINED}. */
    CommState split(int color, int key) {
        String name = "split(color=" + color + ", key=" + key + ")";
        if (color < 0 && color != Group.UNDEFINED) {
            throw check.misuse(name, "color must be 0 or more, or Group.UNDEFINED");
        }
        int[] mine = {color, key, shared.nextContext};
        int[] all = new int[3 * size];
        Call call = collectives.begin(name);
        Collectives.allgather(call, ArrayKind.INT, mine, 0, all, Blocks.equal(size, 3, 0));
        int newContext = newContext(all, 2, name);
        if (color == Group.UNDEFINED) {
            return null;
        }
        java.util.List<int[]> members = new java.util.ArrayList<>(); // {key, rank here}
        for (int r = 0; r < size; r++) {
            if (all[3 * r] == color) {
                members.add(new int[] {all[3 * r + 1], r});
            }
        }
        members.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int[] worlds = members.stream().mapToInt(m -> comm.worldRanks[m[1]]).toArray();
        return new CommState(shared, newContext, worlds);
    }

    CommState dup() {
        return split(0, rank);
    }

    /** The communicator of {@code group}, or null on a rank outside it. */
    CommState create(Group group) {
        String name = "create(" + group + ")";
        Objects.requireNonNull(group, () -> "rank " + rank + " in create: group is null");
        java.util.Set<Integer> here = new java.util.HashSet<>();
        for (int w : comm.worldRanks) {
            here.add(w);
        }
        for (int w : group.worldRanks()) {
            if (!here.contains(w)) {
                throw check.misuse(name, "the group holds a process that is not in this communicator");
            }
        }
        // agree on the context, and check every rank passed the same group
        int[] mine = {shared.nextContext, java.util.Arrays.hashCode(group.worldRanks())};
        int[] all = new int[2 * size];
        Call call = collectives.begin(name);
        Collectives.allgather(call, ArrayKind.INT, mine, 0, all, Blocks.equal(size, 2, 0));
        for (int r = 0; r < size; r++) {
            if (all[2 * r + 1] != mine[1]) {
                throw new MpiException(rank, name, r, "rank " + r + " passed a different group: create(group) needs "
                        + "the same group on every rank");
            }
        }
        int newContext = newContext(all, 0, name);
        return group.rank() == Group.UNDEFINED ? null : new CommState(shared, newContext, group.worldRanks());
    }

    /** The largest next-free context id among the ranks (field {@code at} of each rank's row), reserved on this rank. */
    private int newContext(int[] rows, int at, String name) {
        int width = rows.length / size;
        int ctx = 0;
        for (int r = 0; r < size; r++) {
            ctx = Math.max(ctx, rows[width * r + at]);
        }
        if (ctx > Matcher.MAX_CONTEXT) {
            throw new MpiException(rank, name, -1, "no communicator context left (" + Matcher.MAX_CONTEXT
                    + " per rank and world)");
        }
        shared.nextContext = ctx + 1;
        return ctx;
    }
}
