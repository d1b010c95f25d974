package org.mpionspark.bridge.channel;

import java.util.Arrays;

/**
 * How a collective call is written into the tags of its messages: its sequence number and a
 * signature of the arguments every rank must agree on, so that a mismatched call never matches a
 * message and can be diagnosed. Skips the tags MPJ Express's own collectives use.
 */
final class CollectiveTags {

    /** The operation of the end-of-rank barrier; its verb is told apart in diagnoses. */
    static final String END = "end of rank (the barrier after its function returned)";
    static final int SIGNATURE_BITS = 10;
    private static final int SIGNATURE_MASK = (1 << SIGNATURE_BITS) - 1;
    static final int SEQ_MASK = (1 << (Matcher.TAG_BITS - SIGNATURE_BITS)) - 1;
    static final int END_SIGNATURE = signature(END);
    /**
     * MPJ Express's own collectives (its {@code MPI_Finalize} barrier) share this channel with
     * tags 33000-35000, which are the world's calls #32-#35 here: those numbers are skipped, and
     * messages in that range are MPJ's, never a mismatch.
     */
    private static final int MPJ_FIRST_SEQ = 32;
    private static final int MPJ_LAST_SEQ = 35;

    private CollectiveTags() {
    }

    /** The call number after {@code seq} on communicator {@code context}, past MPJ's range on the world. */
    static int next(int context, int seq) {
        int next = (seq + 1) & SEQ_MASK;
        return context == 0 && next == MPJ_FIRST_SEQ ? MPJ_LAST_SEQ + 1 : next;
    }

    /** The wire tag of call {@code seq} with {@code signature} on communicator {@code context}. */
    static int tag(int context, int seq, int signature) {
        return Matcher.wireTag(context, (seq << SIGNATURE_BITS) | signature);
    }

    /** The operation's name up to its '(': what every rank calls alike. */
    static String verb(String operation) {
        int paren = operation.indexOf('(');
        return paren < 0 ? operation : operation.substring(0, paren);
    }

    /** What ranks meeting in memory compare: the verb and the whole shape. */
    static int fullSignature(String operation, int... shape) {
        return 31 * verb(operation).hashCode() + Arrays.hashCode(shape);
    }

    /** The 10 bits of it a tag has room for. */
    static int signature(String operation, int... shape) {
        return fullSignature(operation, shape) & SIGNATURE_MASK;
    }

    /** The call number a wire tag carries. */
    static int seqOf(int wireTag) {
        return (wireTag & Matcher.TAG_MASK) >>> SIGNATURE_BITS;
    }

    /** Whether a wire tag is the end-of-rank barrier's. */
    static boolean isEnd(int wireTag) {
        return (wireTag & SIGNATURE_MASK) == END_SIGNATURE;
    }

    /** Whether a message of the collective channel is one of MPJ Express's own (its finalize barrier). */
    static boolean mpjOwn(int wireTag) {
        int seq = wireTag >>> SIGNATURE_BITS;
        return (wireTag >>> Matcher.TAG_BITS) == 0 && seq >= MPJ_FIRST_SEQ && seq <= MPJ_LAST_SEQ;
    }
}
