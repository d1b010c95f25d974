package org.mpionspark.bridge.memory;

import java.util.UUID;

/**
 * This JVM's identity in the peer table: ranks announcing the same key share a heap, so their
 * messages can go through memory. Random per load of this class, so two class loaders that each
 * load the bridge count as two JVMs (they could not share objects of these classes anyway).
 */
public final class JvmKey {

    private static final String CURRENT = UUID.randomUUID().toString();

    private JvmKey() {
    }

    /** The key of this JVM. */
    public static String current() {
        return CURRENT;
    }
}
