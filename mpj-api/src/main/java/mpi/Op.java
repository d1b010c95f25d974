package mpi;

/**
 * A reduction ({@code MPI_Op}): one of the predefined ({@code MPI.SUM} ...), which are
 * mpi-on-spark's own {@link org.mpionspark.mpi.Op}, or a {@link User_function}, which becomes one
 * (on primitive buffers) or is applied to the deserialised items (on {@code MPI.OBJECT}).
 */
public class Op {

    public int opCode;
    private final org.mpionspark.mpi.Op predefined;
    private final User_function function;
    private final boolean commute;

    Op(org.mpionspark.mpi.Op predefined, int code) {
        this.predefined = predefined;
        this.function = null;
        this.commute = true;
        this.opCode = code;
    }

    /** A user's operation ({@code MPI_Op_create}); {@code commute}: whether operands may be combined in any order. */
    public Op(User_function function, boolean commute) throws MPIException {
        if (function == null) {
            throw new MPIException("new Op: the user function is null");
        }
        this.predefined = null;
        this.function = function;
        this.commute = commute;
        this.opCode = -1;
    }

    public Op(User_function function, boolean commute, int code) throws MPIException {
        this(function, commute);
        this.opCode = code;
    }

    public void free() throws MPIException {
    }

    /** mpi-on-spark's operation for buffers of {@code t}'s base type, in blocks of whole items. */
    org.mpionspark.mpi.Op engine(String op, Datatype t) {
        if (t.baseType == Datatype.OBJECT_) {
            throw new MPIException(op + ": MPI.OBJECT is reduced by the object path, not " + this);
        }
        if (t.baseType == Datatype.SHORT_ && (predefined == org.mpionspark.mpi.Op.MAXLOC
                || predefined == org.mpionspark.mpi.Op.MINLOC)) {
            return shortLoc(predefined == org.mpionspark.mpi.Op.MAXLOC ? 1 : -1);
        }
        if (predefined != null) {
            return predefined;
        }
        int block = Math.max(1, t.size);
        User_function f = function;
        return org.mpionspark.mpi.Op.create("User_function " + f.getClass().getName(),
                (in, inOff, inout, outOff, count) -> f.Call(in, inOff, inout, outOff, count / block, t), commute, block);
    }

    /** MAXLOC ({@code sign} 1) or MINLOC (-1) on {@code MPI.SHORT2} pairs, which mpi-on-spark's own do not take. */
    private static org.mpionspark.mpi.Op shortLoc(int sign) {
        return org.mpionspark.mpi.Op.create(sign > 0 ? "MAXLOC" : "MINLOC", (in, inOff, inout, outOff, count) -> {
            short[] a = (short[]) in;
            short[] b = (short[]) inout;
            for (int k = 0; k < count; k += 2) {
                int c = Integer.compare(a[inOff + k], b[outOff + k]) * sign;
                if (c > 0 || (c == 0 && a[inOff + k + 1] < b[outOff + k + 1])) {
                    b[outOff + k] = a[inOff + k];
                    b[outOff + k + 1] = a[inOff + k + 1];
                }
            }
        }, true, 2);
    }

    /** Folds the deserialised items of one rank ({@code in}, the lower rank's) into another's ({@code inout}). */
    void applyObjects(String op, Object[] in, Object[] inout, int count, Datatype t) {
        if (function == null) {
            throw new MPIException(op + ": predefined operation " + this + " does not apply to MPI.OBJECT; "
                    + "make an Op of a User_function");
        }
        function.Call(in, 0, inout, 0, count, t);
    }

    boolean commutative() {
        return commute;
    }

    @Override
    public String toString() {
        return predefined != null ? "MPI." + predefined.name() : "Op(" + function.getClass().getName() + ")";
    }
}
