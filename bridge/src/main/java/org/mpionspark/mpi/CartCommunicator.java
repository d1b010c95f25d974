package org.mpionspark.mpi;

/**
 * A communicator whose ranks form a Cartesian grid ({@code MPI_Cart_create}), in row-major order:
 * the last dimension varies fastest. Made by {@link Communicator#createCart}; the usual way to
 * write stencils and grids ({@code shift} then {@code sendrecv}).
 */
public interface CartCommunicator extends Communicator {

    /** The number of ranks along each dimension. */
    int[] dims();

    /** Whether each dimension wraps around (a torus) or ends at its edges. */
    boolean[] periods();

    /** The grid coordinates of {@code rank} ({@code MPI_Cart_coords}). */
    int[] coords(int rank);

    /**
     * The rank at {@code coords} ({@code MPI_Cart_rank}); a coordinate outside a periodic
     * dimension wraps, one outside a non-periodic dimension is refused.
     */
    int cartRank(int[] coords);

    /**
     * The ranks {@code disp} steps back and forward along {@code direction} from this rank
     * ({@code MPI_Cart_shift}): {@code {source, dest}}, ready for {@code sendrecv(.., dest, .., source, ..)};
     * {@link Communicator#PROC_NULL} past the edge of a non-periodic dimension.
     */
    int[] shift(int direction, int disp);

    /**
     * The grid of the dimensions kept in {@code remainDims}, one per combination of the dropped
     * ones ({@code MPI_Cart_sub}); called by every rank.
     */
    CartCommunicator sub(boolean[] remainDims);
}
