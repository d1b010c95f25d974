package mpi;

/** A user's reduction ({@code MPI_User_function}), wrapped by {@link Op#Op(User_function, boolean)}. */
public abstract class User_function {

    public User_function() {
    }

    /**
     * Folds {@code count} items of {@code datatype} from {@code invec} (from {@code inoffset}) into
     * {@code inoutvec} (from {@code inoutoffset}): {@code inoutvec[i] = invec[i] op inoutvec[i]}.
     */
    public abstract void Call(Object invec, int inoffset, Object inoutvec, int inoutoffset, int count,
                              Datatype datatype) throws MPIException;
}
