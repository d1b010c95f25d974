package org.mpionspark.bridge.rendezvous;

/**
 * The collective call a blocked rank waits in, as it tells the driver: its communicator's context,
 * the call's number there and the call in words with what every rank must agree on (e.g.
 * {@code allreduce(double[], Op.SUM) with count 2}). Lets the driver name the rank of a mismatch
 * that called differently from the others where only messages, not memory, join the ranks.
 */
public record CollectiveCall(int context, long step, String described) {

    /** One line for the wire: {@code "context step described"}. */
    public String encode() {
        return context + " " + step + " " + described;
    }

    /** What {@link #encode()} wrote; null for an empty or foreign text. */
    static CollectiveCall parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String[] p = s.split(" ", 3);
        try {
            return p.length < 3 ? null : new CollectiveCall(Integer.parseInt(p[0]), Long.parseLong(p[1]), p[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code other} is the same call: same number, same call in words. */
    boolean sameCall(CollectiveCall other) {
        return other != null && step == other.step && described.equals(other.described);
    }
}
