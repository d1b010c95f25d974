package mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * The glue between MPJ Express buffers (an array, an offset and a count of items of a datatype)
 * and mpi-on-spark's calls (whole arrays of one element type): checks, packing of derived types,
 * and Java serialisation of {@code MPI.OBJECT} items, resolved in the rank's own class loader.
 */
final class Packing {

    private Packing() {
    }

    /** Refuses a buffer whose Java type does not hold {@code t}'s base elements. */
    static void check(String op, Object buf, Datatype t) {
        if (buf == null) {
            throw new MPIException(op + ": the buffer is null");
        }
        Class<?> want = t.arrayClass();
        if (want == null) {
            throw new MPIException(op + ": " + t + " holds no data and cannot describe a buffer");
        }
        boolean ok = t.baseType == Datatype.OBJECT_ ? buf instanceof Object[] : want.isInstance(buf);
        if (!ok) {
            throw new MPIException(op + ": " + t + " needs a " + want.getSimpleName() + " buffer, not a "
                    + buf.getClass().getSimpleName());
        }
    }

    /** A fresh array of {@code t}'s base type holding {@code elements} elements. */
    static Object newArray(Datatype t, int elements) {
        return java.lang.reflect.Array.newInstance(t.arrayClass().getComponentType(), elements);
    }

    /** The {@code count} items of {@code t} at {@code offset} of {@code buf}, packed into a new array. */
    static Object pack(String op, Object buf, int offset, int count, Datatype t) {
        check(op, buf, t);
        counted(op, count);
        Object out = newArray(t, count * t.size);
        int k = 0;
        int extent = t.Extent();
        try {
            for (int i = 0; i < count; i++) {
                int at = offset + i * extent;
                for (int r = 0; r < t.runStart.length; r++) {
                    System.arraycopy(buf, at + t.runStart[r], out, k, t.runLength[r]);
                    k += t.runLength[r];
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw outside(op, buf, offset, count, t, e);
        }
        return out;
    }

    /** Copies the first {@code elements} elements of {@code packed} into {@code buf}'s items of {@code t} from {@code offset}. */
    static void unpack(String op, Object packed, int from, int elements, Object buf, int offset, Datatype t) {
        check(op, buf, t);
        int extent = t.Extent();
        int k = 0;
        try {
            for (int i = 0; k < elements; i++) {
                int at = offset + i * extent;
                for (int r = 0; r < t.runStart.length && k < elements; r++) {
                    int n = Math.min(t.runLength[r], elements - k);
                    System.arraycopy(packed, from + k, buf, at + t.runStart[r], n);
                    k += n;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw outside(op, buf, offset, elements / Math.max(1, t.size), t, e);
        }
    }

    static void counted(String op, int count) {
        if (count < 0) {
            throw new MPIException(op + ": the count is negative: " + count);
        }
    }

    private static MPIException outside(String op, Object buf, int offset, int count, Datatype t, Exception e) {
        return new MPIException(op + ": " + count + " items of " + t + " from offset " + offset
                + " do not fit in the buffer of " + java.lang.reflect.Array.getLength(buf) + " elements", e);
    }

    /** {@code MPI.OBJECT} items as bytes: Java serialisation, as MPJ Express sends them. */
    static byte[] serialize(String op, Object[] objects) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(objects);
        } catch (IOException e) {
            throw new MPIException(op + ": cannot serialise the objects sent (MPI.OBJECT items must be Serializable): "
                    + e, e);
        }
        return bytes.toByteArray();
    }

    /** The objects of {@link #serialize}, their classes resolved in this rank's class loader. */
    static Object[] deserialize(String op, byte[] bytes) {
        try (ObjectInputStream in = new RankObjectInput(new ByteArrayInputStream(bytes))) {
            return (Object[]) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new MPIException(op + ": cannot deserialise the objects received (" + bytes.length + " bytes): " + e, e);
        }
    }

    /** Resolves classes where the program's own classes are: this rank's loader. */
    private static final class RankObjectInput extends ObjectInputStream {

        RankObjectInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, Packing.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
