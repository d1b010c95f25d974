package org.mpionspark.bridge.comm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.mpionspark.mpi.Communicator;

/**
 * A seeded schedule of messages that every rank computes alike, and the content each message
 * carries (derived from its communicator, source, destination and sequence number), so that a
 * receiver can check it byte for byte.
 */
final class MessagePlan {

    /** What a message holds: a primitive array (array tier) or an object (object tier). */
    enum Kind {
        BYTES(1), INTS(4), DOUBLES(8), OBJECT(1);

        final int width;

        Kind(int width) {
            this.width = width;
        }
    }

    /** How one round moves its messages. */
    enum Round {
        /** irecv (exact source and tag) posted before isend; large messages too. */
        NONBLOCKING,
        /** irecv(ANY_SOURCE, ANY_TAG), small byte messages. */
        ANY_SOURCE_ANY_TAG,
        /** pairwise phases of blocking send/recv, probe-then-recv and object messages; large too. */
        PAIRWISE_BLOCKING,
        /** a split of the world, its messages interleaved with the world's. */
        SUBCOMMUNICATORS,
        /** irecv(ANY_SOURCE, tag). */
        ANY_SOURCE,
        /** irecv(source, ANY_TAG). */
        ANY_TAG
    }

    static final int[] TAGS = {0, 1, 2, 3, 99, Communicator.TAG_UB};
    static final int MAX_BYTES = 4 << 20;
    static final int SMALL_BYTES = 1 << 10;
    static final int MEDIUM_BYTES = 64 << 10;
    /** Wildcard receives post buffers of this size: a receive must hold whatever may match it. */
    static final int WILDCARD_BYTES = 32 << 10;

    /**
     * One message of communicator {@code comm} (0: the world; 1 + colour: that colour's split),
     * between ranks {@code src} and {@code dst} of that communicator ({@code worldSrc} and
     * {@code worldDst} in the world); {@code id} is its sequence number in the whole plan.
     */
    record Msg(int id, int comm, int src, int dst, int worldSrc, int worldDst, int tag, Kind kind, int elements) {
        int bytes() {
            return elements * kind.width;
        }
    }

    /**
     * One round: how it moves messages, whether ranks complete them with waitAny (else waitAll),
     * the colour and key of each world rank (a split round) and the messages in send order.
     */
    record RoundPlan(int index, Round type, boolean waitAny, int[] colors, int[] keys, List<Msg> messages) {
    }

    private MessagePlan() {
    }

    /** {@code count} rounds for a world of {@code ranks}, the same for the same seed. */
    static List<RoundPlan> rounds(long seed, int ranks, int count) {
        Random rnd = new Random(seed);
        Round[] types = Round.values();
        List<RoundPlan> out = new ArrayList<>();
        int[] id = {0};
        for (int i = 0; i < count; i++) {
            Round type = types[i % types.length];
            int[] colors = new int[ranks];
            int[] keys = new int[ranks];
            List<Msg> msgs = new ArrayList<>();
            if (type == Round.SUBCOMMUNICATORS) {
                for (int r = 0; r < ranks; r++) {
                    colors[r] = rnd.nextInt(3);
                    keys[r] = rnd.nextInt(100);
                }
                List<Msg> world = pairs(rnd, type, 0, identity(ranks), id);
                List<Msg> subs = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    int[] members = members(colors, keys, c);
                    if (members.length > 0) {
                        subs.addAll(pairs(rnd, type, 1 + c, members, id));
                    }
                }
                msgs.addAll(interleave(rnd, world, subs));
            } else {
                msgs.addAll(pairs(rnd, type, 0, identity(ranks), id));
            }
            out.add(new RoundPlan(i, type, rnd.nextBoolean(), colors, keys, msgs));
        }
        return out;
    }

    /** The world ranks of colour {@code color}, in the order of their split ranks (key, then rank). */
    static int[] members(int[] colors, int[] keys, int color) {
        return java.util.stream.IntStream.range(0, colors.length).boxed()
                .filter(r -> colors[r] == color)
                .sorted(Comparator.<Integer>comparingInt(r -> keys[r]).thenComparingInt(r -> r))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** 0 to 3 messages for each ordered pair of the communicator (self included where it cannot block). */
    private static List<Msg> pairs(Random rnd, Round type, int comm, int[] world, int[] id) {
        List<Msg> out = new ArrayList<>();
        boolean self = type != Round.PAIRWISE_BLOCKING;
        for (int s = 0; s < world.length; s++) {
            for (int d = 0; d < world.length; d++) {
                if (s == d && !self) {
                    continue;
                }
                int n = rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    // a split's messages go to wildcard receives in some rounds: bytes, small
                    Round as = comm > 0 ? Round.ANY_TAG : type;
                    Kind kind = kind(rnd, as);
                    int bytes = size(rnd, as, kind);
                    out.add(new Msg(id[0]++, comm, s, d, world[s], world[d], TAGS[rnd.nextInt(TAGS.length)], kind,
                            bytes / kind.width));
                }
            }
        }
        // a random send order; each receiver posts its receives in this same order
        java.util.Collections.shuffle(out, rnd);
        return out;
    }

    private static List<Msg> interleave(Random rnd, List<Msg> a, List<Msg> b) {
        List<Msg> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && rnd.nextBoolean())) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    private static Kind kind(Random rnd, Round type) {
        return switch (type) {
            case NONBLOCKING -> Kind.values()[rnd.nextInt(3)];
            case PAIRWISE_BLOCKING -> Kind.values()[rnd.nextInt(4)];
            case SUBCOMMUNICATORS -> Kind.values()[rnd.nextInt(2)];
            default -> Kind.BYTES; // wildcard receives hold bytes
        };
    }

    /** Mostly small, some medium, a few large (up to 4 MB, a third of those exactly 4 MB). */
    private static int size(Random rnd, Round type, Kind kind) {
        int p = rnd.nextInt(100);
        boolean largeAllowed = type == Round.NONBLOCKING || type == Round.PAIRWISE_BLOCKING;
        int cap = largeAllowed ? MAX_BYTES : type == Round.SUBCOMMUNICATORS ? MEDIUM_BYTES : WILDCARD_BYTES;
        if (kind == Kind.OBJECT) {
            cap = Math.min(cap, 1 << 20);
        }
        int bytes;
        if (p < 5) {
            bytes = 0;
        } else if (p < 85) {
            bytes = rnd.nextInt(SMALL_BYTES + 1);
        } else if (p < 97 || !largeAllowed) {
            bytes = SMALL_BYTES + rnd.nextInt(MEDIUM_BYTES - SMALL_BYTES + 1);
        } else {
            bytes = rnd.nextInt(3) == 0 ? MAX_BYTES : MEDIUM_BYTES + rnd.nextInt(MAX_BYTES - MEDIUM_BYTES + 1);
        }
        return Math.min(bytes, cap);
    }

    // ------------------------------------------------------------------------------- content

    /** The content of {@code m}: a stream seeded by (communicator, source, destination, sequence). */
    static Object payload(Msg m) {
        long x = seedOf(m);
        int n = m.elements();
        switch (m.kind()) {
            case BYTES -> {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    x = next(x);
                    b[i] = (byte) (x >>> 56);
                }
                return b;
            }
            case INTS -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    x = next(x);
                    v[i] = (int) (x >>> 32);
                }
                return v;
            }
            case DOUBLES -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    x = next(x);
                    v[i] = (x >>> 11) * 0x1.0p-53;
                }
                return v;
            }
            default -> {
                ArrayList<Object> o = new ArrayList<>();
                o.add(m.worldSrc());
                o.add(m.worldDst());
                o.add(m.id());
                o.add(payload(new Msg(m.id(), m.comm(), m.src(), m.dst(), m.worldSrc(), m.worldDst(), m.tag(),
                        Kind.BYTES, m.elements())));
                return o;
            }
        }
    }

    /** An empty array of {@code m}'s element type, {@code m.elements() + extra} long. */
    static Object buffer(Msg m, int extra) {
        int n = m.elements() + extra;
        return switch (m.kind()) {
            case INTS -> new int[n];
            case DOUBLES -> new double[n];
            default -> new byte[n];
        };
    }

    /**
     * Fails unless {@code got} holds exactly {@code m}'s content in its first {@code m.elements()}
     * elements (from {@code offset}), and zeros just past them.
     */
    static void check(Msg m, Object got, int offset, String where) {
        Object want = payload(m);
        if (m.kind() == Kind.OBJECT) {
            @SuppressWarnings("unchecked")
            List<Object> o = (List<Object>) got;
            @SuppressWarnings("unchecked")
            List<Object> w = (List<Object>) want;
            if (o.size() != 4 || !o.subList(0, 3).equals(w.subList(0, 3)) || !Arrays.equals((byte[]) o.get(3), (byte[]) w.get(3))) {
                throw new AssertionError(where + ": object of message " + m + " differs: header " + o.subList(0, Math.min(3, o.size())));
            }
            return;
        }
        int n = m.elements();
        int length = java.lang.reflect.Array.getLength(got);
        int mismatch = switch (m.kind()) {
            case INTS -> Arrays.mismatch((int[]) want, 0, n, (int[]) got, offset, offset + n);
            case DOUBLES -> Arrays.mismatch((double[]) want, 0, n, (double[]) got, offset, offset + n);
            default -> Arrays.mismatch((byte[]) want, 0, n, (byte[]) got, offset, offset + n);
        };
        if (mismatch >= 0) {
            throw new AssertionError(where + ": message " + m + " differs at element " + mismatch);
        }
        for (int i = offset + n; i < Math.min(length, offset + n + 8); i++) {
            if (((Number) java.lang.reflect.Array.get(got, i)).doubleValue() != 0) {
                throw new AssertionError(where + ": message " + m + " wrote past its end, at element " + i);
            }
        }
    }

    private static long seedOf(Msg m) {
        long h = m.id() * 0x9E3779B97F4A7C15L ^ ((long) m.comm() << 48) ^ ((long) m.worldSrc() << 32)
                ^ ((long) m.worldDst() << 16);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static long next(long x) {
        return x * 6364136223846793005L + 1442695040888963407L;
    }
}
