package org.mpionspark.bridge.transport;

import java.nio.ByteBuffer;

/**
 * The elements of an array as bytes on the way between JVMs, in the buffer's byte order: written
 * into a buffer and read back out, a slice at a time, each moving the buffer's position.
 */
public final class Packing {

    private Packing() {
    }

    /** Writes {@code count} elements of {@code buf} from {@code offset} at {@code b}'s position, and moves it past them. */
    public static void pack(ArrayKind kind, Object buf, int offset, int count, ByteBuffer b) {
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
        skip(kind, b, count);
    }

    /** A new array of {@code count} elements read from {@code b}'s position. */
    public static Object unpack(ArrayKind kind, ByteBuffer b, int count) {
        Object out = kind.newArray(count);
        unpack(kind, b, out, 0, count);
        return out;
    }

    /** Reads {@code count} elements from {@code b}'s position into {@code into} from {@code offset}, and moves past them. */
    public static void unpack(ArrayKind kind, ByteBuffer b, Object into, int offset, int count) {
        switch (kind) {
            case BYTE, OBJECT -> b.get((byte[]) into, offset, count);
            case SHORT -> b.asShortBuffer().get((short[]) into, offset, count);
            case INT -> b.asIntBuffer().get((int[]) into, offset, count);
            case LONG -> b.asLongBuffer().get((long[]) into, offset, count);
            case FLOAT -> b.asFloatBuffer().get((float[]) into, offset, count);
            case DOUBLE -> b.asDoubleBuffer().get((double[]) into, offset, count);
            case CHAR -> b.asCharBuffer().get((char[]) into, offset, count);
            case BOOLEAN -> {
                boolean[] a = (boolean[]) into;
                for (int i = 0; i < count; i++) {
                    a[offset + i] = b.get() != 0;
                }
            }
        }
        skip(kind, b, count);
    }

    /** The view buffers above leave {@code b}'s position alone; bytes and booleans moved it already. */
    private static void skip(ArrayKind kind, ByteBuffer b, int count) {
        if (kind != ArrayKind.BYTE && kind != ArrayKind.OBJECT && kind != ArrayKind.BOOLEAN) {
            b.position(b.position() + count * kind.bytes());
        }
    }
}
