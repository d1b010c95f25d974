package org.mpionspark.bridge.comm;

import org.mpionspark.mpi.CartCommunicator;

/** A rank's communicator with a Cartesian topology: the same calls as any, plus the grid's arithmetic. */
final class CartRankCommunicator extends RankCommunicator implements CartCommunicator {

    private final CartTopology grid;

    CartRankCommunicator(CommState comm, CartTopology grid) {
        super(comm);
        this.grid = grid;
    }

    @Override
    public int[] dims() {
        return grid.dims().clone();
    }

    @Override
    public boolean[] periods() {
        return grid.periods().clone();
    }

    @Override
    public int[] coords(int rank) {
        state().live("coords");
        state().check.rank("coords(" + rank + ")", "rank", rank, false);
        return grid.coords(rank);
    }

    @Override
    public int cartRank(int[] coords) {
        String op = "cartRank(" + java.util.Arrays.toString(coords) + ")";
        state().live(op);
        if (coords == null || coords.length != grid.dims().length) {
            throw state().check.misuse(op, "needs " + grid.dims().length + " coordinates");
        }
        int r = grid.rankAt(coords);
        if (r < 0) {
            throw state().check.misuse(op, "coordinates outside the grid " + java.util.Arrays.toString(grid.dims())
                    + " in a dimension that does not wrap");
        }
        return r;
    }

    @Override
    public int[] shift(int direction, int disp) {
        String op = "shift(direction=" + direction + ", disp=" + disp + ")";
        state().live(op);
        if (direction < 0 || direction >= grid.dims().length) {
            throw state().check.misuse(op, "direction must be a dimension, 0.." + (grid.dims().length - 1));
        }
        return grid.shift(rank(), direction, disp);
    }

    @Override
    public CartCommunicator sub(boolean[] remainDims) {
        String op = "sub(" + java.util.Arrays.toString(remainDims) + ")";
        state().live(op);
        if (remainDims == null || remainDims.length != grid.dims().length) {
            throw state().check.misuse(op, "needs one flag per dimension (" + grid.dims().length + ")");
        }
        CartTopology kept = grid.keep(remainDims);
        CommState made = communicators().split(grid.subColor(rank(), remainDims), rank());
        return new CartRankCommunicator(made, kept); // nothing kept: a 0-dimensional grid, each rank alone, as in MPI
    }

    @Override
    public String toString() {
        return "CartCommunicator" + java.util.Arrays.toString(grid.dims()) + " rank " + rank();
    }
}
