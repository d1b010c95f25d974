package org.mpionspark.bridge.loader;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's idle MPJ Express loaders, kept for the next world: a world takes one that no running
 * world holds (or a new one), and gives it back only if it ended cleanly, its MPJ statics reset
 * ({@code org.mpionspark.bridge.mpj.MpjStatics}). So the first world of a JVM pays MPJ's class
 * definition and warm-up, the next ones reuse them; concurrent worlds still get a loader each.
 * A loader whose world failed is dropped, never pooled, and collected like any other.
 */
public final class LoaderPool {

    /** Idle loaders kept at most: more would only hold classes for worlds that run side by side. */
    static final int MAX_IDLE = 8;
    private static final String STATICS = "org.mpionspark.bridge.mpj.MpjStatics";
    private static final System.Logger LOG = System.getLogger(LoaderPool.class.getName());

    private static final Deque<RankClassLoader> IDLE = new ArrayDeque<>();
    private static final AtomicLong REUSED = new AtomicLong();

    private LoaderPool() {
    }

    /** An idle loader, the one given back last (its classes the most warmed up), or a new one. */
    public static RankClassLoader take() {
        synchronized (IDLE) {
            RankClassLoader l = IDLE.pollFirst();
            if (l != null) {
                REUSED.incrementAndGet();
                return l;
            }
        }
        return new RankClassLoader(LoaderPool.class.getClassLoader(), "MPJ Express #" + (RankClassLoader.made() + 1));
    }

    /**
     * Gives {@code loader} back after its world: pooled if {@code clean} (its device torn down,
     * every thread of it ended, nothing failed) and its MPJ statics reset; dropped otherwise.
     * Whether it was pooled.
     */
    public static boolean giveBack(RankClassLoader loader, boolean clean) {
        if (!clean) {
            return false;
        }
        String unfit = reset(loader);
        if (unfit != null) {
            LOG.log(System.Logger.Level.WARNING, loader + " is not reused: " + unfit);
            return false;
        }
        synchronized (IDLE) {
            if (IDLE.size() >= MAX_IDLE || IDLE.contains(loader)) {
                return false;
            }
            IDLE.addFirst(loader);
            return true;
        }
    }

    private static String reset(RankClassLoader loader) {
        try {
            return (String) loader.loadClass(STATICS).getMethod("reset").invoke(null);
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return String.valueOf(e);
        }
    }

    /** How many loaders wait in the pool now. */
    public static int idle() {
        synchronized (IDLE) {
            return IDLE.size();
        }
    }

    /** How many worlds of this JVM got a pooled loader instead of a new one. */
    public static long reused() {
        return REUSED.get();
    }

    /** Drops every idle loader (they are collected once unreachable); running worlds keep theirs. */
    public static void clear() {
        synchronized (IDLE) {
            IDLE.clear();
        }
    }
}
