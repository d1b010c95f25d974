package org.mpionspark.mpi;

import java.util.Objects;

/**
 * A reduction operation ({@code MPI_Op}) applied element-wise by {@code allreduce} and friends.
 * The predefined ones are associative and commutative, as MPI's are.
 */
public final class Op {

    /** Sum ({@code MPI_SUM}). */
    public static final Op SUM = new Op("SUM", Double::sum, Long::sum, Integer::sum);
    /** Product ({@code MPI_PROD}). */
    public static final Op PROD = new Op("PROD", (a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b);
    /** Minimum ({@code MPI_MIN}). */
    public static final Op MIN = new Op("MIN", Math::min, Math::min, Math::min);
    /** Maximum ({@code MPI_MAX}). */
    public static final Op MAX = new Op("MAX", Math::max, Math::max, Math::max);

    private final String name;
    private final java.util.function.DoubleBinaryOperator doubles;
    private final java.util.function.LongBinaryOperator longs;
    private final java.util.function.IntBinaryOperator ints;

    private Op(String name, java.util.function.DoubleBinaryOperator doubles,
               java.util.function.LongBinaryOperator longs, java.util.function.IntBinaryOperator ints) {
        this.name = name;
        this.doubles = doubles;
        this.longs = longs;
        this.ints = ints;
    }

    /** The operation's MPI name, e.g. {@code "SUM"}. */
    public String name() {
        return name;
    }

    /**
     * Folds {@code count} elements of {@code in} (from {@code inOff}) into {@code inout} (from
     * {@code outOff}): {@code inout[i] = in[i] op inout[i]}. The arrays must be of one primitive type.
     */
    public void apply(Object in, int inOff, Object inout, int outOff, int count) {
        Objects.requireNonNull(in, "in");
        if (in instanceof double[] a && inout instanceof double[] b) {
            for (int i = 0; i < count; i++) {
                b[outOff + i] = doubles.applyAsDouble(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof long[] a && inout instanceof long[] b) {
            for (int i = 0; i < count; i++) {
                b[outOff + i] = longs.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof int[] a && inout instanceof int[] b) {
            for (int i = 0; i < count; i++) {
                b[outOff + i] = ints.applyAsInt(a[inOff + i], b[outOff + i]);
            }
        } else {
            throw new IllegalArgumentException("Op." + name + " does not apply to "
                    + in.getClass().getSimpleName() + " and " + (inout == null ? "null" : inout.getClass().getSimpleName()));
        }
    }

    @Override
    public String toString() {
        return "Op." + name;
    }
}
