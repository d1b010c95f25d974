package org.mpionspark.bridge.serial;

/** Turns objects into bytes and back, for the object tier; one instance per rank, not thread-safe. */
public interface ObjectCodec {

    byte[] encode(Object obj);

    Object decode(byte[] bytes);

    /** What an error of {@link #encode} or {@link #decode} means, for a message. */
    default String describe(Throwable e) {
        return e.toString();
    }
}
