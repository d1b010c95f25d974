package mpi;

/** A graph topology ({@code MPI_Graph_create}): not supported, {@link Intracomm#Create_graph} says so. */
public class Graphcomm extends Intracomm {

    private Graphcomm() {
        super(null, false);
    }
}
