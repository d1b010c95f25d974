package mpi;

/** The ranks a {@link Cartcomm#Shift} gives: where to receive from and where to send to ({@code MPI_Cart_shift}). */
public class ShiftParms {
    public int rank_source;
    public int rank_dest;
}
