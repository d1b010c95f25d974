package org.mpionspark.bridge.transport;

/**
 * The element types a message can carry; the ordinal is what crosses the class-loader boundary to
 * MPJ Express and travels in each message's header.
 */
public enum ArrayKind {
    BYTE(byte[].class, 1), SHORT(short[].class, 2), INT(int[].class, 4), LONG(long[].class, 8),
    FLOAT(float[].class, 4), DOUBLE(double[].class, 8), CHAR(char[].class, 2), BOOLEAN(boolean[].class, 1),
    /**
     * An object of the object tier's point-to-point calls: the bytes of its Kryo form, marked apart
     * from a {@code byte[]} of the array tier so that neither tier's receive takes the other's message.
     */
    OBJECT(byte[].class, 1);

    private final Class<?> arrayClass;
    private final int bytes;

    ArrayKind(Class<?> arrayClass, int bytes) {
        this.arrayClass = arrayClass;
        this.bytes = bytes;
    }

    /** The array class, e.g. {@code double[].class}. */
    public Class<?> arrayClass() {
        return arrayClass;
    }

    /** Bytes per element on the wire. */
    public int bytes() {
        return bytes;
    }

    /** The Java type name of one element, e.g. {@code "double"}; {@code "byte"} for an {@link #OBJECT}'s bytes. */
    public String elementName() {
        return arrayClass.getComponentType().getName();
    }

    /** The kind of a primitive array, or an {@link IllegalArgumentException} naming what it got. */
    public static ArrayKind of(Object array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (ArrayKind k : values()) {
            if (k != OBJECT && k.arrayClass == array.getClass()) {
                return k;
            }
        }
        throw new IllegalArgumentException(what + " must be a primitive array, not " + array.getClass().getName());
    }

    /** A new zeroed array of this kind. */
    public Object newArray(int length) {
        return java.lang.reflect.Array.newInstance(arrayClass.getComponentType(), length);
    }

    /** Length of an array of this kind. */
    public int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }
}
