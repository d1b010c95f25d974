package org.mpionspark.bridge.comm;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;

/**
 * The argument checks of one communicator's calls, run before any byte moves: misuse is an
 * {@link IllegalArgumentException} that names the rank and the call, worded the same everywhere.
 */
final class Arguments {
    private final int rank;
    private final int size;

    Arguments(int rank, int size) {
        this.rank = rank;
        this.size = size;
    }

    /** Misuse in {@code op}, told as "rank r in op: text". */
    IllegalArgumentException misuse(String op, String text) {
        return new IllegalArgumentException("rank " + rank + " in " + op + ": " + text);
    }

    /** Misuse in {@code op} caused by {@code cause}. */
    IllegalArgumentException misuse(String op, String text, Throwable cause) {
        return new IllegalArgumentException("rank " + rank + " in " + op + ": " + text, cause);
    }

    /** The kind of the primitive array {@code buf}, the argument {@code what} of {@code op}. */
    ArrayKind kindOf(String op, String what, Object buf) {
        return ArrayKind.of(buf, "rank " + rank + " in " + op + ": " + what);
    }

    /** The length of {@code buf}, which must be a primitive array. */
    int lengthOf(String op, Object buf) {
        return kindOf(op, "buffer", buf).length(buf);
    }

    /** {@code r} (the argument {@code what}) is a rank of this communicator, or {@code ANY_SOURCE} where allowed. */
    void rank(String op, String what, int r, boolean anyAllowed) {
        if (anyAllowed && r == Communicator.ANY_SOURCE) {
            return;
        }
        if (r < 0 || r >= size) {
            throw misuse(op, what + " " + r + " is not a rank of this communicator (0.." + (size - 1) + ")");
        }
    }

    /** {@code tag} lies in 0..TAG_UB, or is {@code ANY_TAG} where allowed. */
    void tag(String op, int tag, boolean anyAllowed) {
        if (anyAllowed && tag == Communicator.ANY_TAG) {
            return;
        }
        if (tag < 0 || tag > Communicator.TAG_UB) {
            throw misuse(op, "tag " + tag + " is outside 0.." + Communicator.TAG_UB);
        }
    }

    /** {@code count} elements from {@code offset} lie inside {@code buf}. */
    void range(String op, Object buf, int offset, int count) {
        int length = java.lang.reflect.Array.getLength(buf);
        if (offset < 0 || count < 0 || offset > length - count) {
            throw misuse(op, "offset " + offset + " and count " + count + " fall outside the buffer of " + length
                    + " elements");
        }
    }

    /** The length of {@code buf}, checked to split into one equal block per rank. */
    int equalBlocks(String op, String what, ArrayKind kind, Object buf) {
        int n = kind.length(buf);
        if (n % size != 0) {
            throw new IllegalArgumentException(op + ": " + what + " of " + n + " elements is not " + size + " equal blocks");
        }
        return n;
    }

    /** {@code buf} is an array of {@code kind}. */
    void sameKind(String op, String what, Object buf, ArrayKind kind) {
        if (buf == null || buf.getClass() != kind.arrayClass()) {
            throw misuse(op, what + " must be a " + kind.elementName() + "[], not "
                    + (buf == null ? "null" : buf.getClass().getSimpleName()));
        }
    }

    /** {@code buf} is an array of {@code kind} holding {@code length} elements. */
    void sameShape(String op, String what, Object buf, ArrayKind kind, int length) {
        sameKind(op, what, buf, kind);
        if (kind.length(buf) != length) {
            throw misuse(op, what + " must hold " + length + " elements, not " + kind.length(buf));
        }
    }

    /**
     * Checks, before any byte moves, that {@code o} reduces {@code array}'s type and that
     * {@code count} elements are whole operands of it; {@code operation} names the call.
     */
    void operands(String operation, Op o, Object array, int count) {
        if (!o.appliesTo(array.getClass())) {
            throw new IllegalArgumentException(o == Op.MINLOC || o == Op.MAXLOC
                    ? "Op." + o.name() + " applies to double[], float[], long[] or int[] of (value, index) pairs, not "
                    + array.getClass().getSimpleName()
                    : "Op." + o.name() + " does not apply to " + array.getClass().getSimpleName());
        }
        if (count % o.block() != 0) {
            throw new IllegalArgumentException(operation + ": Op." + o.name() + " works on blocks of " + o.block()
                    + " elements; " + count + " elements are not whole blocks");
        }
    }

    /** {@code value}, the argument {@code what} of {@code op}, refused if null. */
    <T> T present(String op, String what, T value) {
        if (value == null) {
            throw misuse(op, what + " is null");
        }
        return value;
    }
}
