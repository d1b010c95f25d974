package mpi;

/**
 * What a completed receive found ({@code MPI_Status}): {@link #source}, {@link #tag}, the
 * {@link #index} of the request in {@code Waitany} and its kin, and the count of base elements
 * received (objects for {@code MPI.OBJECT}), read per datatype with {@link #Get_count}.
 */
public class Status {

    public int source;
    public int tag;
    public int index;
    /** Base elements received (for {@code MPI.OBJECT}, objects). */
    public int count;
    private boolean cancelled;

    public Status() {
        this(MPI.ANY_SOURCE, MPI.ANY_TAG, 0);
    }

    Status(int source, int tag, int count) {
        this.source = source;
        this.tag = tag;
        this.count = count;
        this.index = MPI.UNDEFINED;
    }

    /** The status of a receive taken back by {@link Request#Cancel}: it received nothing. */
    static Status cancelled() {
        Status s = new Status();
        s.cancelled = true;
        return s;
    }

    /** The status of ours, {@code elements} being what was received in base elements. */
    static Status of(org.mpionspark.mpi.Status s, int elements) {
        return new Status(s.source(), s.tag(), elements);
    }

    /** The number of whole items of {@code datatype} received, or {@code MPI.UNDEFINED} if a part of one came ({@code MPI_Get_count}). */
    public int Get_count(Datatype datatype) throws MPIException {
        int size = datatype.elements();
        if (size == 0) {
            return 0;
        }
        return count % size == 0 ? count / size : MPI.UNDEFINED;
    }

    /** The number of base elements received ({@code MPI_Get_elements}). */
    public int Get_elements(Datatype datatype) throws MPIException {
        return count;
    }

    /** Whether the request was a receive taken back by {@link Request#Cancel} ({@code MPI_Test_cancelled}). */
    public boolean Test_cancelled() throws MPIException {
        return cancelled;
    }

    public void free() {
    }

    @Override
    public String toString() {
        return "Status[source=" + source + ", tag=" + tag + ", count=" + count + ", index=" + index + "]";
    }
}
