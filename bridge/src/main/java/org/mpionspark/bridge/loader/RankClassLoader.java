package org.mpionspark.bridge.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Child-first for MPJ Express, log4j 1.2 and the adapter package {@code
 * org.mpionspark.bridge.mpj}, with no fallback to the parent; parent-first for everything else,
 * so the {@link org.mpionspark.bridge.transport.Transport} interface and the JDK are shared.
 * A rank's classes are unloaded once its loader and the objects it made are unreachable.
 */
public final class RankClassLoader extends ClassLoader {

    private static final String[] ISOLATED = {"mpi.", "mpjdev.", "mpjbuf.", "xdev.", "org.apache.log4j."};
    private static final String ADAPTER = "org.mpionspark.bridge.mpj.";

    static {
        registerAsParallelCapable();
    }

    /** Every loader made, weakly: lets tests and leak checks see that ended ranks were unloaded. */
    private static final java.util.Queue<java.lang.ref.WeakReference<RankClassLoader>> MADE =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();

    private final Map<String, byte[]> mpj = MpjClasses.get();
    private final String label;

    /** A loader for one rank; {@code label} names it in stack traces, e.g. {@code "rank 3"}. */
    public RankClassLoader(ClassLoader parent, String label) {
        super("mpi-on-spark " + label, parent);
        this.label = label;
        MADE.removeIf(r -> r.get() == null); // else one reference per rank ever made stays queued
        MADE.add(new java.lang.ref.WeakReference<>(this));
        COUNT.incrementAndGet();
    }

    /** How many rank loaders this JVM has made so far: a world in one JVM makes none. */
    public static long made() {
        return COUNT.get();
    }

    /** How many rank loaders are still reachable (not yet garbage-collected) in this JVM. */
    public static int live() {
        MADE.removeIf(r -> r.get() == null);
        return MADE.size();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isolated(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = define(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static boolean isolated(String name) {
        if (name.startsWith(ADAPTER)) {
            return true;
        }
        for (String p : ISOLATED) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        byte[] bytes = mpj.get(resource);
        if (bytes == null && name.startsWith(ADAPTER)) {
            bytes = adapterBytes(resource);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name + " (isolated in " + label + "'s loader)");
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    private byte[] adapterBytes(String resource) {
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            return in == null ? null : MpjClasses.readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public String toString() {
        return getName();
    }
}
