package org.mpionspark.bridge.collective;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

import org.mpionspark.bridge.transport.ArrayKind;

/**
 * The working arrays of collective calls, kept by each thread from one call to the next. A large
 * array is dear to allocate: G1 puts one of half a region or more (512 KB in a 3 GB heap) on
 * regions of its own, zeroed, and collects the young generation to find them: an allreduce of 1 MB
 * between two lane endpoints took 4.9 ms, 0.78 ms with its arrays kept (benchmarks/README.md). A
 * rank repeats its sizes, so its thread reuses them. They are held softly: the memory goes back
 * when the heap needs it.
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
        List<SoftReference<Object>> kept = mine(kind);
        Object best = null;
        int at = -1;
        for (int i = 0; i < kept.size(); i++) {
            Object a = kept.get(i).get(); // held here: the collector may clear the reference at any time
            if (a != null && kind.length(a) >= count && (best == null || kind.length(a) < kind.length(best))) {
                best = a;
                at = i;
            }
        }
        if (best == null) {
            return kind.newArray(count);
        }
        kept.remove(at);
        return best;
    }

    private void giveHere(ArrayKind kind, Object array) {
        List<SoftReference<Object>> kept = mine(kind);
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

    /** This thread's arrays of {@code kind}, those the collector has taken back dropped. */
    private List<SoftReference<Object>> mine(ArrayKind kind) {
        List<SoftReference<Object>> kept = byKind.get(kind.ordinal());
        kept.removeIf(r -> r.get() == null);
        return kept;
    }

    private static int length(ArrayKind kind, SoftReference<Object> ref) {
        Object a = ref.get();
        return a == null ? -1 : kind.length(a);
    }
}
