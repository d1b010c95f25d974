package mpi;

import org.mpionspark.mpi.CartCommunicator;
import org.mpionspark.mpi.Communicator;

/** A communicator whose ranks form a Cartesian grid ({@code MPI_Cart_create}), over mpi-on-spark's {@link CartCommunicator}. */
public class Cartcomm extends Intracomm {

    private final CartCommunicator cart;

    Cartcomm(CartCommunicator cart) {
        super(cart, false);
        this.cart = cart;
    }

    @Override
    public Object clone() throws MPIException {
        return this;
    }

    /** The rank at {@code coords} ({@code MPI_Cart_rank}). */
    public int Rank(int[] coords) throws MPIException {
        c("Rank");
        return Calls.call("Rank", () -> cart.cartRank(coords));
    }

    /** The coordinates of {@code rank} ({@code MPI_Cart_coords}). */
    public int[] Coords(int rank) throws MPIException {
        c("Coords");
        return Calls.call("Coords", () -> cart.coords(rank));
    }

    /** The ranks {@code disp} steps back and forward along {@code direction} ({@code MPI_Cart_shift}). */
    public ShiftParms Shift(int direction, int disp) throws MPIException {
        c("Shift");
        int[] sd = Calls.call("Shift", () -> cart.shift(direction, disp));
        ShiftParms p = new ShiftParms();
        p.rank_source = sd[0];
        p.rank_dest = sd[1];
        return p;
    }

    /** The sub-grid of the dimensions kept ({@code MPI_Cart_sub}); a collective. */
    public Cartcomm Sub(boolean[] remain_dims) throws MPIException {
        c("Sub");
        return new Cartcomm(Calls.call("Sub", () -> cart.sub(remain_dims)));
    }

    /** This rank's rank in a grid of {@code dims}, or {@code MPI.UNDEFINED} if it would be left out ({@code MPI_Cart_map}). */
    public int Map(int[] dims, boolean[] periods) throws MPIException {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        int me = Rank();
        return me < n ? me : MPI.UNDEFINED;
    }

    /** The dimensions, periodicity and this rank's coordinates ({@code MPI_Cart_get}). */
    public CartParms Get() throws MPIException {
        c("Get");
        CartParms p = new CartParms();
        p.dims = cart.dims();
        p.periods = cart.periods();
        p.coords = cart.coords(cart.rank());
        return p;
    }

    @Override
    public int Topo_test() throws MPIException {
        return MPI.CART;
    }

    /** Fills the zero entries of {@code dims} with a balanced split of {@code nnodes} ({@code MPI_Dims_create}). */
    public static void Dims_create(int nnodes, int[] dims) throws MPIException {
        int fixed = 1;
        int free = 0;
        for (int d : dims) {
            if (d < 0) {
                throw new MPIException("Dims_create: a dimension is negative: " + d);
            }
            if (d > 0) {
                fixed *= d;
            } else {
                free++;
            }
        }
        if (nnodes % fixed != 0) {
            throw new MPIException("Dims_create: " + nnodes + " ranks cannot fill the fixed dimensions, whose product is " + fixed);
        }
        if (free == 0) {
            return;
        }
        int left = nnodes / fixed;
        int open = free;
        int[] made = Calls.call("Dims_create", () -> Communicator.dimsCreate(left, open));
        for (int i = 0, k = 0; i < dims.length; i++) {
            if (dims[i] == 0) {
                dims[i] = made[k++];
            }
        }
    }
}
