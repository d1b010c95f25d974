package org.mpionspark.bridge.mpj;

import java.nio.ByteBuffer;

import org.mpionspark.bridge.transport.ArrayKind;

/** The elements of a short message, written into its header's bytes and read back out. */
final class Packing {

    private Packing() {
    }

    /** Writes {@code count} elements of {@code buf} from {@code offset} at {@code b}'s position. */
    static void pack(ArrayKind kind, Object buf, int offset, int count, ByteBuffer b) {
        switch (kind) {
            case BYTE, OBJECT -> b.put((byte[]) buf, offset, count);
            case SHORT -> b.asShortBuffer().put((short[]) buf, offset, count);
            case INT -> b.asIntBuffer().put((int[]) buf, offset, count);
            case LONG -> b.asLongBuffer().put((long[]) buf, offset, count);
            case FLOAT -> b.asFloatBuffer().put((float[]) buf, offset, count);
            case DOUBLE -> b.asDoubleBuffer().put((double[]) buf, offset, count);
            case CHAR -> b.asCharBuffer().put((char[]) buf, offset, count);
            case BOOLEAN -> {
                boolean[] a = (boolean[]) buf;
                for (int i = 0; i < count; i++) {
                    b.put(a[offset + i] ? (byte) 1 : 0);
                }
            }
        }
    }

    /** A new array of {@code count} elements read from {@code b}'s position. */
    static Object unpack(ArrayKind kind, ByteBuffer b, int count) {
        Object out = kind.newArray(count);
        switch (kind) {
            case BYTE, OBJECT -> b.get((byte[]) out);
            case SHORT -> b.asShortBuffer().get((short[]) out);
            case INT -> b.asIntBuffer().get((int[]) out);
            case LONG -> b.asLongBuffer().get((long[]) out);
            case FLOAT -> b.asFloatBuffer().get((float[]) out);
            case DOUBLE -> b.asDoubleBuffer().get((double[]) out);
            case CHAR -> b.asCharBuffer().get((char[]) out);
            case BOOLEAN -> {
                boolean[] a = (boolean[]) out;
                for (int i = 0; i < count; i++) {
                    a[i] = b.get() != 0;
                }
            }
        }
        return out;
    }
}
