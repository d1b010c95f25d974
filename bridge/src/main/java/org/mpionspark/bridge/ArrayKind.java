package org.mpionspark.bridge;

/**
 * The element types a message can carry. Objects travel as {@link #BYTE} arrays of their Kryo
 * form; the ordinal is what crosses the class-loader boundary to MPJ Express.
 */
public enum ArrayKind {
    BYTE(byte[].class), SHORT(short[].class), INT(int[].class), LONG(long[].class),
    FLOAT(float[].class), DOUBLE(double[].class), CHAR(char[].class), BOOLEAN(boolean[].class);

    private final Class<?> arrayClass;

    ArrayKind(Class<?> arrayClass) {
        this.arrayClass = arrayClass;
    }

    /** The Java type name of one element, e.g. {@code "double"}. */
    public String elementName() {
        return arrayClass.getComponentType().getName();
    }

    /** The kind of a primitive array, or an {@link IllegalArgumentException} naming what it got. */
    public static ArrayKind of(Object array, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (ArrayKind k : values()) {
            if (k.arrayClass == array.getClass()) {
                return k;
            }
        }
        throw new IllegalArgumentException(what + " must be a primitive array, not " + array.getClass().getName());
    }

    /** Length of an array of this kind. */
    public int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }
}
