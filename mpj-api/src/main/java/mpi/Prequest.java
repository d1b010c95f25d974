package mpi;

/**
 * A persistent request ({@code MPI_Send_init}, {@code MPI_Recv_init}): the operation's arguments,
 * started again by each {@link #Start}; waits and tests act on the operation last started.
 */
public class Prequest extends Request {

    private final java.util.function.Supplier<Request> start;

    Prequest(java.util.function.Supplier<Request> start) {
        super(null);
        this.start = start;
    }

    /** Starts the operation ({@code MPI_Start}). */
    public void Start() throws MPIException {
        if (work != null) {
            throw new MPIException("Start: this persistent request is still active: wait for it first");
        }
        work = start.get().work;
    }

    /** Starts every request ({@code MPI_Startall}). */
    public static void Startall(Prequest[] array_of_requests) throws MPIException {
        for (Prequest p : array_of_requests) {
            p.Start();
        }
    }

    /** A persistent request is never null: once complete it is inactive until started again. */
    @Override
    public boolean Is_null() throws MPIException {
        return false;
    }
}
