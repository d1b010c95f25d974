package org.mpionspark.bridge.collective;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

import org.mpionspark.bridge.transport.ArrayKind;

/**
 * The working arrays of collective calls, kept by each thread from one call to the next. A large
 * array is dear to allocate: G1 puts one of half a region or more (512 KB in a 3 GB heap) on
 * regions of its own, zeroed, and collects the young generation to find them; an allreduce of 1 MB
 * between two executor JVMs took 4.9 ms instead of 1.1 (benchmarks/README.md). A rank repeats its
 * sizes, so its thread reuses them. They are held softly: the memory goes back when the heap needs it.
 *
 * <p>Give an array back only after the call that used it has succeeded: after a failure, a
 * transport may still be writing into it.
 */
public final class Scratch {

    /** Arrays kept per thread and kind; a collective uses at most three at once. */
    private static final int KEPT = 4;
    private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

    private final List<List<SoftReference<Object>>> byKind = new ArrayList<>();

    private Scratch() {
        for (int k = 0; k < ArrayKind.values().length; k++) {
            byKind.add(new ArrayList<>(KEPT));
        }
    }

    /** An array of {@code kind} with at least {@code count} elements (it may hold more, and stale values). */
    public static Object take(ArrayKind kind, int count) {
        return MINE.get().takeHere(kind, count);
    }

    /** Keeps {@code array}, taken from {@link #take}, for this thread's next calls. */
    public static void give(ArrayKind kind, Object array) {
        MINE.get().giveHere(kind, array);
    }

    private Object takeHere(ArrayKind kind, int count) {
        List<SoftReference<Object>> kept = byKind.get(kind.ordinal());
        int best = -1;
        int bestLength = Integer.MAX_VALUE;
        for (int i = kept.size() - 1; i >= 0; i--) {
            Object a = kept.get(i).get();
            if (a == null) {
                kept.remove(i);
                if (best > i) {
                    best--;
                }
                continue;
            }
            int length = kind.length(a);
            if (length >= count && length < bestLength) {
                best = i;
                bestLength = length;
            }
        }
        return best >= 0 ? kept.remove(best).get() : kind.newArray(count);
    }

    private void giveHere(ArrayKind kind, Object array) {
        List<SoftReference<Object>> kept = byKind.get(kind.ordinal());
        if (kept.size() == KEPT) {
            int smallest = 0;
            for (int i = 1; i < KEPT; i++) {
                if (length(kind, kept.get(i)) < length(kind, kept.get(smallest))) {
                    smallest = i;
                }
            }
            if (length(kind, kept.get(smallest)) >= kind.length(array)) {
                return;
            }
            kept.remove(smallest);
        }
        kept.add(new SoftReference<>(array));
    }

    private static int length(ArrayKind kind, SoftReference<Object> ref) {
        Object a = ref.get();
        return a == null ? -1 : kind.length(a);
    }
}
