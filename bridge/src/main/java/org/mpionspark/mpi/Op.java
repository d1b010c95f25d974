package org.mpionspark.mpi;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A reduction operation ({@code MPI_Op}), applied element-wise by {@code reduce}, {@code allreduce},
 * {@code reduceScatter}, {@code scan} and {@code exscan} to primitive arrays.
 *
 * <p>Predefined: arithmetic {@link #SUM}, {@link #PROD}, {@link #MIN}, {@link #MAX} on every
 * numeric array type; logical {@link #LAND}, {@link #LOR}, {@link #LXOR} on {@code boolean[]}
 * and integer arrays (non-zero is true); bitwise {@link #BAND}, {@link #BOR}, {@link #BXOR} on
 * integer and {@code boolean[]} arrays; {@link #MINLOC}, {@link #MAXLOC} on arrays of
 * (value, index) pairs. User-defined ones come from {@link #create} or {@code of*}; a
 * non-commutative one is applied in rank order.
 */
public final class Op implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** A user operation: folds {@code count} elements of {@code in} into {@code inout}, {@code inout[i] = in[i] op inout[i]}. */
    @FunctionalInterface
    public interface Function extends java.io.Serializable {
        void apply(Object in, int inOffset, Object inout, int inoutOffset, int count);
    }

    private interface BoolOp {
        boolean apply(boolean a, boolean b);
    }

    /** Sum ({@code MPI_SUM}). */
    public static final Op SUM = new Op("SUM", true, Double::sum, Long::sum, null);
    /** Product ({@code MPI_PROD}). */
    public static final Op PROD = new Op("PROD", true, (a, b) -> a * b, (a, b) -> a * b, null);
    /** Minimum ({@code MPI_MIN}). */
    public static final Op MIN = new Op("MIN", true, Math::min, Math::min, null);
    /** Maximum ({@code MPI_MAX}). */
    public static final Op MAX = new Op("MAX", true, Math::max, Math::max, null);
    /** Logical and ({@code MPI_LAND}). */
    public static final Op LAND = new Op("LAND", true, null, (a, b) -> a != 0 && b != 0 ? 1 : 0, (a, b) -> a && b);
    /** Logical or ({@code MPI_LOR}). */
    public static final Op LOR = new Op("LOR", true, null, (a, b) -> a != 0 || b != 0 ? 1 : 0, (a, b) -> a || b);
    /** Logical exclusive or ({@code MPI_LXOR}). */
    public static final Op LXOR = new Op("LXOR", true, null, (a, b) -> (a != 0) != (b != 0) ? 1 : 0, (a, b) -> a != b);
    /** Bitwise and ({@code MPI_BAND}). */
    public static final Op BAND = new Op("BAND", true, null, (a, b) -> a & b, (a, b) -> a & b);
    /** Bitwise or ({@code MPI_BOR}). */
    public static final Op BOR = new Op("BOR", true, null, (a, b) -> a | b, (a, b) -> a | b);
    /** Bitwise exclusive or ({@code MPI_BXOR}). */
    public static final Op BXOR = new Op("BXOR", true, null, (a, b) -> a ^ b, (a, b) -> a ^ b);
    /**
     * Minimum value and the index that holds it ({@code MPI_MINLOC}), on arrays of interleaved
     * (value, index) pairs: {@code double[]}, {@code float[]}, {@code long[]} or {@code int[]} of
     * even length. On a tie the smaller index wins.
     */
    public static final Op MINLOC = new Op("MINLOC", true, true, (Function) (in, inOff, io, outOff, c) -> loc(in, inOff, io, outOff, c, -1), 2);
    /** Maximum value and the index that holds it ({@code MPI_MAXLOC}); see {@link #MINLOC}. */
    public static final Op MAXLOC = new Op("MAXLOC", true, true, (Function) (in, inOff, io, outOff, c) -> loc(in, inOff, io, outOff, c, +1), 2);

    private final String name;
    private final boolean commutative;
    private final transient DoubleBinaryOperator floating;
    private final transient LongBinaryOperator integral;
    private final transient BoolOp logical;
    private final Function user;
    private final boolean predefined;
    /** Elements that make one operand: 1 for element-wise operations, 2 for (value, index) pairs. */
    private final int block;

    private Op(String name, boolean commutative, DoubleBinaryOperator floating, LongBinaryOperator integral,
               BoolOp logical) {
        this.name = name;
        this.commutative = commutative;
        this.floating = floating;
        this.integral = integral;
        this.logical = logical;
        this.user = null;
        this.predefined = true;
        this.block = 1;
    }

    private Op(String name, boolean commutative, boolean predefined, Function user, int block) {
        this.name = name;
        this.commutative = commutative;
        this.floating = null;
        this.integral = null;
        this.logical = null;
        this.user = user;
        this.predefined = predefined;
        this.block = block;
    }

    /** A predefined operation travels by name and comes back as the same constant. */
    private Object readResolve() {
        if (!predefined) {
            return this;
        }
        for (Op op : new Op[] {SUM, PROD, MIN, MAX, LAND, LOR, LXOR, BAND, BOR, BXOR, MINLOC, MAXLOC}) {
            if (op.name.equals(name)) {
                return op;
            }
        }
        throw new IllegalStateException("unknown predefined Op." + name);
    }

    /**
     * A user-defined operation ({@code MPI_Op_create}). It must be associative; if it is not
     * {@code commutative}, every reduction applies it in rank order (rank 0's data leftmost).
     */
    public static Op create(String name, Function function, boolean commutative) {
        return create(name, function, commutative, 1);
    }

    /**
     * A user-defined operation on blocks of {@code blockSize} elements (a derived datatype: e.g. 4
     * for 2x2 matrices): reductions never cut a block, so {@code function} always gets a count that
     * is a multiple of {@code blockSize}, and every buffer must hold whole blocks.
     */
    public static Op create(String name, Function function, boolean commutative, int blockSize) {
        if (name == null || function == null) {
            throw new IllegalArgumentException("Op.create: the " + (name == null ? "name" : "function") + " is null");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("Op." + name + ": the block size must be 1 or more, not " + blockSize);
        }
        return new Op(name, commutative, false, function, blockSize);
    }

    /** A serialisable element-wise function, for {@link #ofDoubles}. */
    public interface DoubleFunction extends DoubleBinaryOperator, java.io.Serializable {
    }

    /** A serialisable element-wise function, for {@link #ofLongs} and {@link #ofInts}. */
    public interface LongFunction extends LongBinaryOperator, java.io.Serializable {
    }

    /** A user-defined element-wise operation on {@code double[]}: {@code inout[i] = f(in[i], inout[i])}, {@code in} being the lower ranks'. */
    public static Op ofDoubles(String name, DoubleFunction f, boolean commutative) {
        if (f == null) {
            throw new IllegalArgumentException("Op." + name + ": the function is null");
        }
        return create(name, (in, inOff, inout, outOff, count) -> {
            double[] a = (double[]) in;
            double[] b = (double[]) inout;
            for (int i = 0; i < count; i++) {
                b[outOff + i] = f.applyAsDouble(a[inOff + i], b[outOff + i]);
            }
        }, commutative);
    }

    /** A user-defined element-wise operation on {@code long[]}; see {@link #ofDoubles}. */
    public static Op ofLongs(String name, LongFunction f, boolean commutative) {
        if (f == null) {
            throw new IllegalArgumentException("Op." + name + ": the function is null");
        }
        return create(name, (in, inOff, inout, outOff, count) -> {
            long[] a = (long[]) in;
            long[] b = (long[]) inout;
            for (int i = 0; i < count; i++) {
                b[outOff + i] = f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        }, commutative);
    }

    /** A user-defined element-wise operation on {@code int[]}; see {@link #ofDoubles}. */
    public static Op ofInts(String name, LongFunction f, boolean commutative) {
        if (f == null) {
            throw new IllegalArgumentException("Op." + name + ": the function is null");
        }
        return create(name, (in, inOff, inout, outOff, count) -> {
            int[] a = (int[]) in;
            int[] b = (int[]) inout;
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (int) f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        }, commutative);
    }

    /** The operation's name, e.g. {@code "SUM"}. */
    public String name() {
        return name;
    }

    /** How many elements make one operand: 1 element-wise, 2 for {@link #MINLOC}/{@link #MAXLOC}, or the block size given to {@link #create}. */
    public int block() {
        return block;
    }

    /** Whether operands may be combined in any order. */
    public boolean commutative() {
        return commutative;
    }

    /**
     * Folds {@code count} elements of {@code in} (from {@code inOff}) into {@code inout} (from
     * {@code outOff}): {@code inout[i] = in[i] op inout[i]}, {@code in} holding the lower ranks' data.
     *
     * @throws IllegalArgumentException if the operation does not apply to this array type
     */
    public void apply(Object in, int inOff, Object inout, int outOff, int count) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(inout, "inout");
        if (in.getClass() != inout.getClass()) {
            throw new IllegalArgumentException("Op." + name + " got " + in.getClass().getSimpleName() + " and "
                    + inout.getClass().getSimpleName());
        }
        if (user != null) {
            user.apply(in, inOff, inout, outOff, count);
            return;
        }
        if (in instanceof double[] a) {
            double[] b = (double[]) inout;
            if (this == SUM) { // the hot path of allreduce, kept monomorphic
                for (int i = 0; i < count; i++) {
                    b[outOff + i] += a[inOff + i];
                }
                return;
            }
            DoubleBinaryOperator f = need(floating, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = f.applyAsDouble(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof float[] a) {
            float[] b = (float[]) inout;
            DoubleBinaryOperator f = need(floating, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (float) f.applyAsDouble(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof long[] a) {
            long[] b = (long[]) inout;
            LongBinaryOperator f = need(integral, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof int[] a) {
            int[] b = (int[]) inout;
            LongBinaryOperator f = need(integral, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (int) f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof short[] a) {
            short[] b = (short[]) inout;
            LongBinaryOperator f = need(integral, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (short) f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof byte[] a) {
            byte[] b = (byte[]) inout;
            LongBinaryOperator f = need(integral, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (byte) f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof char[] a) {
            char[] b = (char[]) inout;
            LongBinaryOperator f = need(integral, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = (char) f.applyAsLong(a[inOff + i], b[outOff + i]);
            }
        } else if (in instanceof boolean[] a) {
            boolean[] b = (boolean[]) inout;
            BoolOp f = need(logical, in);
            for (int i = 0; i < count; i++) {
                b[outOff + i] = f.apply(a[inOff + i], b[outOff + i]);
            }
        } else {
            throw new IllegalArgumentException("Op." + name + " applies to primitive arrays, not "
                    + in.getClass().getName());
        }
    }

    /**
     * Whether this operation reduces arrays of {@code arrayType} (e.g. {@code double[].class}):
     * {@link #MINLOC}/{@link #MAXLOC} the pairs of {@code double[]}, {@code float[]}, {@code long[]}
     * or {@code int[]}; an operation made by {@link #create}, any array.
     */
    public boolean appliesTo(Class<?> arrayType) {
        if (user != null) {
            return true;
        }
        if (this == MINLOC || this == MAXLOC) {
            return arrayType == double[].class || arrayType == float[].class || arrayType == long[].class
                    || arrayType == int[].class;
        }
        Object f = arrayType == double[].class || arrayType == float[].class ? floating
                : arrayType == boolean[].class ? logical : integral;
        return f != null;
    }

    private <F> F need(F f, Object array) {
        if (f == null) {
            throw new IllegalArgumentException("Op." + name + " does not apply to " + array.getClass().getSimpleName());
        }
        return f;
    }

    private static void loc(Object in, int inOff, Object inout, int outOff, int count, int sign) {
        if (count % 2 != 0) {
            throw new IllegalArgumentException("MINLOC/MAXLOC need (value, index) pairs: an even count, not " + count);
        }
        for (int k = 0; k < count; k += 2) {
            int i = inOff + k;
            int o = outOff + k;
            if (in instanceof double[] a) {
                double[] b = (double[]) inout;
                if (better(a[i], (long) a[i + 1], b[o], (long) b[o + 1], sign)) {
                    b[o] = a[i];
                    b[o + 1] = a[i + 1];
                }
            } else if (in instanceof float[] a) {
                float[] b = (float[]) inout;
                if (better(a[i], (long) a[i + 1], b[o], (long) b[o + 1], sign)) {
                    b[o] = a[i];
                    b[o + 1] = a[i + 1];
                }
            } else if (in instanceof long[] a) {
                long[] b = (long[]) inout;
                if (better(a[i], a[i + 1], b[o], b[o + 1], sign)) {
                    b[o] = a[i];
                    b[o + 1] = a[i + 1];
                }
            } else if (in instanceof int[] a) {
                int[] b = (int[]) inout;
                if (better(a[i], a[i + 1], b[o], b[o + 1], sign)) {
                    b[o] = a[i];
                    b[o + 1] = a[i + 1];
                }
            } else {
                throw new IllegalArgumentException("MINLOC/MAXLOC apply to double[], float[], long[] or int[], not "
                        + in.getClass().getSimpleName());
            }
        }
    }

    private static boolean better(double va, long ia, double vb, long ib, int sign) {
        int c = Double.compare(va, vb) * sign;
        return c > 0 || (c == 0 && ia < ib);
    }

    private static boolean better(long va, long ia, long vb, long ib, int sign) {
        int c = Long.compare(va, vb) * sign;
        return c > 0 || (c == 0 && ia < ib);
    }

    @Override
    public String toString() {
        return "Op." + name;
    }
}
