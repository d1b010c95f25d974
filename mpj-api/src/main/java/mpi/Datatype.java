package mpi;

import java.util.ArrayList;
import java.util.List;

/**
 * A datatype ({@code MPI_Datatype}): a basic one ({@code MPI.INT} ... {@code MPI.OBJECT}), whose
 * buffer is a Java array of that element type, or a derived one ({@link #Contiguous},
 * {@link #Vector}, {@link #Indexed}, {@link #Struct} ...) over a single base type, as MPJ Express has
 * them. Displacements, extents and sizes count base elements, not bytes. A derived type's items are
 * packed into one array of the base type before they travel and unpacked after.
 */
public abstract class Datatype {

    static final int BYTE_ = 0, CHAR_ = 1, SHORT_ = 2, BOOLEAN_ = 3, INT_ = 4, LONG_ = 5, FLOAT_ = 6, DOUBLE_ = 7,
            OBJECT_ = 8, MARKER_ = 9;
    private static final Class<?>[] ARRAYS = {byte[].class, char[].class, short[].class, boolean[].class, int[].class,
            long[].class, float[].class, double[].class, Object[].class, null};
    private static final int[] BYTES = {1, 2, 2, 1, 4, 8, 4, 8, 0, 0};

    /** The base type: what every element of a buffer of this type is (MPJ Express's public field). */
    public int baseType;
    final String name;
    /** The typemap of one item as runs of consecutive base elements: start (relative), length. */
    final int[] runStart;
    final int[] runLength;
    final int size;
    final int lb;
    final int ub;
    /** Elements a reduction must see whole, for MINLOC/MAXLOC on MPI.INT2 and kin. */
    final int pairs;

    public Datatype() {
        this("NULL", MARKER_, new int[0], new int[0], 0, 0, 1);
    }

    Datatype(String name, int baseType, int[] runStart, int[] runLength, int lb, int ub, int pairs) {
        this.name = name;
        this.baseType = baseType;
        this.runStart = runStart;
        this.runLength = runLength;
        int s = 0;
        for (int l : runLength) {
            s += l;
        }
        this.size = s;
        this.lb = lb;
        this.ub = ub;
        this.pairs = pairs;
    }

    /** A basic type: one element, extent 1 (a marker: none, extent 0). */
    static Datatype basic(String name, int baseType) {
        boolean marker = baseType == MARKER_;
        return new Derived(name, baseType, marker ? new int[0] : new int[] {0}, marker ? new int[0] : new int[] {1}, 0,
                marker ? 0 : 1, 1);
    }

    /** A basic pair type for MINLOC/MAXLOC ({@code MPI.INT2}...): two elements of {@code base}. */
    static Datatype pair(String name, int baseType) {
        return new Derived(name, baseType, new int[] {0}, new int[] {2}, 0, 2, 2);
    }

    public int getType() {
        return baseType;
    }

    public int getByteSize() {
        return BYTES[baseType] * size;
    }

    /** Base elements from the start of one item to the start of the next ({@code MPI_Type_extent}). */
    public int Extent() throws MPIException {
        return ub - lb;
    }

    /** Base elements one item holds ({@code MPI_Type_size}). */
    public int Size() throws MPIException {
        return size;
    }

    public int Lb() throws MPIException {
        return lb;
    }

    public int Ub() throws MPIException {
        return ub;
    }

    /** Nothing to do: a type is ready once made ({@code MPI_Type_commit}). */
    public void Commit() throws MPIException {
    }

    public void free() {
    }

    /** {@code count} copies of {@code oldtype}, one after another ({@code MPI_Type_contiguous}). */
    public static Datatype Contiguous(int count, Datatype oldtype) throws MPIException {
        int[] displs = new int[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            displs[i] = i * oldtype.Extent();
            lengths[i] = 1;
        }
        return build("Contiguous", lengths, displs, oldtype, 1);
    }

    /** {@code count} blocks of {@code blocklength} items, {@code stride} items apart ({@code MPI_Type_vector}). */
    public static Datatype Vector(int count, int blocklength, int stride, Datatype oldtype) throws MPIException {
        return Hvector(count, blocklength, stride * oldtype.Extent(), oldtype);
    }

    /** As {@link #Vector}, the stride in base elements ({@code MPI_Type_hvector}). */
    public static Datatype Hvector(int count, int blocklength, int stride, Datatype oldtype) throws MPIException {
        int[] lengths = new int[count];
        int[] displs = new int[count];
        for (int i = 0; i < count; i++) {
            lengths[i] = blocklength;
            displs[i] = i * stride;
        }
        return build("Hvector", lengths, displs, oldtype, 1);
    }

    /** Blocks of {@code blocklengths[i]} items at {@code displacements[i]} items ({@code MPI_Type_indexed}). */
    public static Datatype Indexed(int[] array_of_blocklengths, int[] array_of_displacements, Datatype oldtype)
            throws MPIException {
        int[] displs = new int[array_of_displacements.length];
        for (int i = 0; i < displs.length; i++) {
            displs[i] = array_of_displacements[i] * oldtype.Extent();
        }
        return build("Indexed", array_of_blocklengths, displs, oldtype, 1);
    }

    /** As {@link #Indexed}, displacements in base elements ({@code MPI_Type_hindexed}). */
    public static Datatype Hindexed(int[] array_of_blocklengths, int[] array_of_displacements, Datatype oldtype)
            throws MPIException {
        return build("Hindexed", array_of_blocklengths, array_of_displacements, oldtype, 1);
    }

    /**
     * Blocks of different types at displacements in base elements ({@code MPI_Type_struct}); as in
     * MPJ Express every type but the {@code MPI.LB} and {@code MPI.UB} markers must have the same base type.
     */
    public static Datatype Struct(int[] array_of_blocklengths, int[] array_of_displacements, Datatype[] array_of_types)
            throws MPIException {
        int n = array_of_types.length;
        if (array_of_blocklengths.length < n || array_of_displacements.length < n) {
            throw new MPIException("Struct: " + n + " types need as many block lengths and displacements, not "
                    + array_of_blocklengths.length + " and " + array_of_displacements.length);
        }
        Datatype base = null;
        for (Datatype t : array_of_types) {
            if (t.baseType != MARKER_) {
                if (base != null && base.baseType != t.baseType) {
                    throw new MPIException("Struct: every type must have the same base type (MPJ Express's rule), not "
                            + base.name + " and " + t.name);
                }
                base = t;
            }
        }
        return Derived.of("Struct", array_of_blocklengths, array_of_displacements, array_of_types,
                base == null ? MARKER_ : base.baseType);
    }

    private static Datatype build(String name, int[] lengths, int[] displs, Datatype oldtype, int pairs) {
        if (lengths.length != displs.length) {
            throw new MPIException(name + ": " + lengths.length + " block lengths but " + displs.length + " displacements");
        }
        Datatype[] types = new Datatype[lengths.length];
        java.util.Arrays.fill(types, oldtype);
        return Derived.of(name + "(" + oldtype.name + ")", lengths, displs, types, oldtype.baseType);
    }

    /** Base elements one item holds: what {@link Status#Get_count} divides by. */
    int elements() {
        return size;
    }

    /** The Java array class of a buffer of this type (any reference array for {@code OBJECT}). */
    Class<?> arrayClass() {
        return ARRAYS[baseType];
    }

    /** Whether one item is one element at its own place: buffers then travel without packing. */
    boolean contiguousBasic() {
        return runStart.length == 1 && runStart[0] == 0 && runLength[0] == size && Extent() == size;
    }

    @Override
    public String toString() {
        return "MPI." + name;
    }

    /** The one concrete kind: a typemap over one base type. */
    static final class Derived extends Datatype {

        Derived(String name, int baseType, int[] runStart, int[] runLength, int lb, int ub, int pairs) {
            super(name, baseType, runStart, runLength, lb, ub, pairs);
        }

        static Datatype of(String name, int[] lengths, int[] displs, Datatype[] types, int baseType) {
            List<int[]> runs = new ArrayList<>();
            Integer lb = null;
            Integer ub = null;
            Integer lbMark = null;
            Integer ubMark = null;
            for (int b = 0; b < types.length; b++) {
                Datatype t = types[b];
                if (lengths[b] < 0) {
                    throw new MPIException(name + ": block " + b + " has a negative length " + lengths[b]);
                }
                if (t.baseType == MARKER_ && t.name.equals("LB")) {
                    lbMark = lbMark == null ? displs[b] : Math.min(lbMark, displs[b]);
                    continue;
                }
                if (t.baseType == MARKER_ && t.name.equals("UB")) {
                    ubMark = ubMark == null ? displs[b] : Math.max(ubMark, displs[b]);
                    continue;
                }
                int ext = t.Extent();
                for (int j = 0; j < lengths[b]; j++) {
                    int at = displs[b] + j * ext;
                    for (int r = 0; r < t.runStart.length; r++) {
                        add(runs, at + t.runStart[r], t.runLength[r]);
                    }
                }
                if (lengths[b] > 0) {
                    int lo = displs[b] + t.lb;
                    int hi = displs[b] + (lengths[b] - 1) * ext + t.ub;
                    lb = lb == null ? lo : Math.min(lb, lo);
                    ub = ub == null ? hi : Math.max(ub, hi);
                }
            }
            int l = lbMark != null ? lbMark : lb == null ? 0 : lb;
            int u = ubMark != null ? ubMark : ub == null ? 0 : ub;
            int[] starts = runs.stream().mapToInt(r -> r[0]).toArray();
            int[] lens = runs.stream().mapToInt(r -> r[1]).toArray();
            return new Derived(name, baseType, starts, lens, l, u, 1);
        }

        private static void add(List<int[]> runs, int start, int length) {
            if (length == 0) {
                return;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[0] + last[1] == start) {
                last[1] += length;
            } else {
                runs.add(new int[] {start, length});
            }
        }
    }
}
