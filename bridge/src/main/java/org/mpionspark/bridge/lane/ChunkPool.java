package org.mpionspark.bridge.lane;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lanes' direct buffers, kept for this JVM's next world: each lane needs two of
 * {@link Lane#CHUNK_BYTES}, and a fresh one took 2 to 30 ms (its pages faulted in, the JDK's
 * direct-memory accounting) with 8 executor JVMs on 2 cores, a third of an SPMD stage's start.
 * At most {@link #KEPT} are kept (16 MB); a lane that did not end in order gives none back.
 */
final class ChunkPool {

    static final int KEPT = 64;
    private static final ConcurrentLinkedDeque<ByteBuffer> IDLE = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    private ChunkPool() {
    }

    /** A cleared little-endian direct buffer of {@link Lane#CHUNK_BYTES}: a kept one, else a new one. */
    static ByteBuffer take() {
        ByteBuffer b = IDLE.pollFirst();
        if (b == null) {
            return ByteBuffer.allocateDirect(Lane.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        }
        IDLE_COUNT.decrementAndGet();
        return b.clear();
    }

    /** Keeps {@code b} for a later lane, unless enough are kept; no thread may use it any more. */
    static void giveBack(ByteBuffer b) {
        if (IDLE_COUNT.incrementAndGet() <= KEPT) {
            IDLE.addFirst(b);
        } else {
            IDLE_COUNT.decrementAndGet();
        }
    }

    /** How many are kept now. */
    static int idle() {
        return IDLE_COUNT.get();
    }
}
