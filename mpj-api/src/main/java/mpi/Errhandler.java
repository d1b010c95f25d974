package mpi;

/** An error handler ({@code MPI_Errhandler}); every error is raised as an {@link MPIException} whichever is set. */
public class Errhandler {

    Errhandler() {
    }
}
