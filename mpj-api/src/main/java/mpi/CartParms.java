package mpi;

/** The grid of a {@link Cartcomm}: its dimensions, their periodicity and this rank's coordinates ({@code MPI_Cart_get}). */
public class CartParms {
    public int[] dims;
    public boolean[] periods;
    public int[] coords;
}
