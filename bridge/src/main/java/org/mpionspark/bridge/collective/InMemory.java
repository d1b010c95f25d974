package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.mpi.Op;

/**
 * Collectives of ranks that share a JVM, reading each other's arrays in place instead of sending
 * them. Allreduce is a single-copy reduce-scatter + allgather: each rank reduces its own part of
 * the vector straight from its peers' arrays, then copies the other parts from their owners; every
 * part is computed once, so every rank ends with bit-identical results.
 */
public final class InMemory {

    /**
     * Up to this many bytes a rank publishes a copy of its array rather than the array itself, so
     * it may return as soon as every rank has published: one meeting instead of three, where
     * waking the ranks costs more than the copy.
     */
    public static final int COPY_BYTES = 64 * 1024;

    /** The part of a reduction done at a time: small enough for the result to stay in a core's cache. */
    private static final int CHUNK_BYTES = 32 * 1024;

    private InMemory() {
    }

    public static void barrier(Meetings node) {
        node.open();
        node.sync();
        node.close();
    }

    public static void bcast(Meetings node, int rank, ArrayKind kind, Object buf, int offset, int count, int root) {
        node.open();
        if ((long) count * kind.bytes() <= COPY_BYTES) { // the root's copy is never written again: it may return
            if (rank == root) {
                Object copy = kind.newArray(count);
                System.arraycopy(buf, offset, copy, 0, count);
                node.publish(copy);
            }
            node.sync();
            if (rank != root) {
                System.arraycopy(node.buffer(root), 0, buf, offset, count);
            }
            node.close();
            return;
        }
        node.publish(buf);
        node.sync();
        if (rank != root) {
            System.arraycopy(node.buffer(root), offset, buf, offset, count);
        }
        node.sync(); // the root's array is read until here
        node.close();
    }

    /**
     * Allreduce in place on {@code buf[0, count)} of each of {@code size} ranks. A non-commutative
     * operation is applied to whole arrays, in rank order, by every rank (the same steps in the same
     * order: the same result everywhere), since its blocks may be longer than it says.
     */
    public static void allreduce(Meetings node, int rank, int size, ArrayKind kind, Object buf, int count, Op op) {
        node.open();
        if ((long) count * kind.bytes() <= COPY_BYTES) {
            // every rank reduces the whole of the published copies, in rank order: the same result
            Object copy = kind.newArray(count);
            System.arraycopy(buf, 0, copy, 0, count);
            node.publish(copy);
            node.sync();
            reducePart(node, rank, size, kind, null, 0, count, op, buf);
            node.close();
            return;
        }
        node.publish(buf);
        node.sync();
        if (!op.commutative()) {
            Object result = kind.newArray(count);
            reducePart(node, rank, size, kind, buf, 0, count, op, result);
            node.sync(); // every rank has read the others' arrays
            System.arraycopy(result, 0, buf, 0, count);
            node.close();
            return;
        }
        int[] bounds = parts(count, size, op.block());
        reducePart(node, rank, size, kind, buf, bounds[rank], bounds[rank + 1] - bounds[rank], op, buf);
        node.sync();
        for (int q = 0; q < size; q++) {
            if (q != rank) {
                System.arraycopy(node.buffer(q), bounds[q], buf, bounds[q], bounds[q + 1] - bounds[q]);
            }
        }
        node.sync(); // peers read this rank's part until here
        node.close();
    }

    /** Reduce of every rank's {@code buf[0, count)} into the root's {@code buf}; the others' arrays are left as they were. */
    public static void reduce(Meetings node, int rank, int size, ArrayKind kind, Object buf, int count, Op op, int root) {
        node.open();
        if ((long) count * kind.bytes() <= COPY_BYTES) { // copies: one meeting, then the root reduces them
            Object copy = kind.newArray(count);
            System.arraycopy(buf, 0, copy, 0, count);
            node.publish(copy);
            node.sync();
            if (rank == root) {
                reducePart(node, rank, size, kind, null, 0, count, op, buf);
            }
            node.close();
            return;
        }
        node.publish(buf);
        node.sync();
        if (!op.commutative()) { // as in allreduce: whole arrays, here by the root alone
            Object result = rank == root ? kind.newArray(count) : null;
            if (rank == root) {
                reducePart(node, rank, size, kind, buf, 0, count, op, result);
            }
            node.sync();
            if (rank == root) {
                System.arraycopy(result, 0, buf, 0, count);
            }
            node.close();
            return;
        }
        int[] bounds = parts(count, size, op.block());
        reducePart(node, rank, size, kind, buf, bounds[rank], bounds[rank + 1] - bounds[rank], op, node.buffer(root));
        node.sync();
        node.close();
    }

    /**
     * Reduces {@code [from, from + n)} of every rank's array into {@code target}, in rank order
     * (rank 0 on the left) so a non-commutative operation holds; a commutative one folds straight
     * into {@code target} when it is this rank's own array. Only this rank touches this part of
     * {@code target} until the next sync. It goes a cache-sized chunk at a time, every peer's chunk
     * folded in while the result's chunk stays in cache: memory traffic, not arithmetic, sets the time.
     */
    static void reducePart(Meetings node, int rank, int size, ArrayKind kind, Object mine, int from, int n, Op op,
                           Object target) {
        int chunk = Math.max(op.block(), CHUNK_BYTES / kind.bytes() / op.block() * op.block());
        for (int at = from; at < from + n; at += chunk) {
            reduceChunk(node, rank, size, kind, mine, at, Math.min(chunk, from + n - at), op, target);
        }
    }

    private static void reduceChunk(Meetings node, int rank, int size, ArrayKind kind, Object mine, int from, int n, Op op,
                                    Object target) {
        if (op.commutative() && target == mine) {
            for (int q = 0; q < size; q++) {
                if (q != rank) {
                    op.apply(node.buffer(q), from, mine, from, n);
                }
            }
            return;
        }
        Object acc = kind.newArray(n);
        System.arraycopy(node.buffer(size - 1), from, acc, 0, n);
        for (int q = size - 2; q >= 0; q--) {
            op.apply(node.buffer(q), from, acc, 0, n); // acc = rank q op (ranks above q)
        }
        System.arraycopy(acc, 0, target, from, n);
    }

    /** Where each rank's part starts, cut between the operation's blocks; {@code bounds[size] == count}. */
    static int[] parts(int count, int size, int unit) {
        int units = count / unit;
        int[] bounds = new int[size + 1];
        for (int q = 0; q < size; q++) {
            bounds[q + 1] = bounds[q] + unit * (units / size + (q < units % size ? 1 : 0));
        }
        bounds[size] = count; // a cut block at the end (count not a multiple of the block) goes to the last part
        return bounds;
    }
}
