package org.mpionspark.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

import org.apache.spark.SparkConf;
import org.mpionspark.bridge.RankOptions;
import scala.Tuple2;

/**
 * Every {@code spark.mpi.*} setting, declared once with its default, meaning and check. README's
 * configuration table is checked against this list by a test; {@link #validate} checks a whole
 * configuration when a {@link JavaMpiContext} is made, and names misspelt keys.
 */
public final class MpiConf {

    /** How a setting's text reads. */
    public enum Kind {
        /** {@code 30s}, {@code 10min}; {@code none} where 0 means "never". */
        TIME,
        /** {@code 128k}, {@code 1m}. */
        SIZE,
        /** A plain number. */
        COUNT
    }

    /** One setting, read as a number: milliseconds (times), bytes (sizes), or itself (counts). */
    public record Key(String name, String defaultValue, Kind kind, String doc, LongPredicate valid,
                      String validDoc) {

        /** The value, checked; a time that may be off reads {@code none} as 0. */
        public long get(SparkConf conf) {
            String text = conf.get(name, defaultValue).trim();
            long v;
            try {
                v = switch (kind) {
                    case TIME -> text.equalsIgnoreCase("none") ? 0 : conf.getTimeAsMs(name, defaultValue);
                    case SIZE -> conf.getSizeAsBytes(name, defaultValue);
                    case COUNT -> Long.parseLong(text);
                };
            } catch (RuntimeException e) { // Spark's own parse errors say little about the key
                throw new IllegalArgumentException(name + " must be " + validDoc + ", not " + text, e);
            }
            if (!valid.test(v)) {
                throw new IllegalArgumentException(name + " must be " + validDoc + ", not " + text);
            }
            return v;
        }
    }

    public static final Key RENDEZVOUS_TIMEOUT = new Key("spark.mpi.rendezvous.timeout", "60s", Kind.TIME,
            "How long the ranks of a stage may take to reach the rendezvous after the first one did; then the "
                    + "stage fails naming the ranks that never came.", v -> v > 0, "a positive time");
    public static final Key OP_TIMEOUT = new Key("spark.mpi.op.timeout", "10min", Kind.TIME,
            "Longest wait of one blocking MPI call (recv, a collective...) for its peer; then it fails naming "
                    + "the rank, the call and the peer. `none` (or 0): no limit; the deadlock watchdog stays on. The "
                    + "barrier that ends a rank has no limit.", v -> v >= 0, "a time of zero or more, or none");
    public static final Key DEADLOCK_TIMEOUT = new Key("spark.mpi.deadlock.timeout", "5s", Kind.TIME,
            "How long every rank of a world may wait in MPI calls with no byte moving before the stage fails as "
                    + "a deadlock, listing each rank's call. `none` (or 0): no watchdog.", v -> v >= 0,
            "a time of zero or more, or none");
    public static final Key FINALIZE_TIMEOUT = new Key("spark.mpi.finalize.timeout", "30s", Kind.TIME,
            "Longest wait of MPI_Finalize at the end of a rank before its sockets are torn down anyway.",
            v -> v > 0, "a positive time");
    public static final Key SLOTS_WAIT_TIMEOUT = new Key("spark.mpi.slots.waitTimeout", "30s", Kind.TIME,
            "How long to wait for as many free task slots as ranks before failing, naming what holds the "
                    + "others (in local mode, only while some are busy).", v -> v >= 0, "a time of zero or more");
    public static final Key MAX_ATTEMPTS = new Key("spark.mpi.stage.maxAttempts", "3", Kind.COUNT,
            "How many times an SPMD stage is run, each time with a fresh world, when it fails for a reason "
                    + "outside the user's code (an executor lost, a rank that never reached the rendezvous); "
                    + "a rank's own error is never retried.", v -> v >= 1 && v <= 100, "a number from 1 to 100");
    public static final Key PROTOCOL_SWITCH_LIMIT = new Key("spark.mpi.protocolSwitchLimit", "128k", Kind.SIZE,
            "Messages up to this size are sent eagerly by MPJ Express; larger ones wait for the receiver "
                    + "(niodev's protocol switch limit).", v -> v >= 12 && v <= Integer.MAX_VALUE,
            "a size from 12 bytes to 2g");

    public static final Key SESSION_CELL_TIMEOUT = new Key("spark.mpi.session.cellTimeout", "10min", Kind.TIME,
            "Longest run of one cell of an interactive `MpiSession`; then its ranks' calls are aborted, each "
                    + "rank's call is reported and the session starts fresh ranks. `none` (or 0): no limit.",
            v -> v >= 0, "a time of zero or more, or none");

    /** Not a time or size: the address ranks use to reach the driver's rendezvous server. */
    public static final String RENDEZVOUS_HOST = "spark.mpi.rendezvous.host";

    /** Not a time or size: {@code auto}, {@code true} or {@code false}. */
    public static final String CORES_SHARED = "spark.mpi.coresShared";

    /**
     * Not a time or size: class names, comma-separated, that the object tier's Kryo registers (in
     * this order) on every rank and for results; registration is optional (any class works without).
     */
    public static final String KRYO_CLASSES = "spark.mpi.kryo.classesToRegister";

    /**
     * Whether ranks of one JVM talk through memory ({@code true}, the default) or, like ranks of
     * different JVMs, through MPJ Express's sockets ({@code false}: for comparisons).
     */
    public static final String MEMORY_PATH = "spark.mpi.memoryPath";

    /** All of the above with a default, in README order. */
    public static final List<Key> KEYS = List.of(RENDEZVOUS_TIMEOUT, OP_TIMEOUT, DEADLOCK_TIMEOUT, FINALIZE_TIMEOUT,
            SLOTS_WAIT_TIMEOUT, MAX_ATTEMPTS, PROTOCOL_SWITCH_LIMIT, SESSION_CELL_TIMEOUT);

    private MpiConf() {
    }

    /** The rank-side settings of {@code conf}, checked. */
    public static RankOptions rankOptions(SparkConf conf) {
        return new RankOptions(OP_TIMEOUT.get(conf), FINALIZE_TIMEOUT.get(conf),
                (int) PROTOCOL_SWITCH_LIMIT.get(conf), coresShared(conf), kryoClasses(conf), null, memoryPath(conf));
    }

    /**
     * {@code key}, if a {@code JavaMpiContext} may set it for its own stages ({@code withConf}): any
     * {@code spark.mpi.*} key but {@link #RENDEZVOUS_HOST}, which the driver reads once per SparkContext.
     */
    static String requireOverridable(String key) {
        if (RENDEZVOUS_HOST.equals(key)) {
            throw new IllegalArgumentException(key + " is read once per SparkContext: set it in the SparkConf");
        }
        List<String> known = knownKeys();
        if (!known.contains(key)) {
            throw new IllegalArgumentException("withConf: unknown setting " + key + "; the spark.mpi.* settings are "
                    + known);
        }
        return key;
    }

    private static List<String> knownKeys() {
        List<String> known = new ArrayList<>(KEYS.stream().map(Key::name).toList());
        known.add(RENDEZVOUS_HOST);
        known.add(CORES_SHARED);
        known.add(KRYO_CLASSES);
        known.add(MEMORY_PATH);
        return known;
    }

    /**
     * Checks every {@code spark.mpi.*} setting of {@code conf}, throwing on the first bad value,
     * and returns a warning for each key that is not one of ours (with the nearest known key).
     */
    public static List<String> validate(SparkConf conf) {
        KEYS.forEach(k -> k.get(conf));
        try {
            rankOptions(conf).codec(); // the classes to register load on the driver, which decodes results
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KRYO_CLASSES + ": " + e.getMessage(), e);
        }
        List<String> known = knownKeys();
        List<String> warnings = new ArrayList<>();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.mpi.")) {
            String key = "spark.mpi." + kv._1();
            if (!known.contains(key)) {
                String nearest = known.stream().min(java.util.Comparator.comparingInt(k -> distance(k, key))).orElseThrow();
                warnings.add("unknown setting " + key + " is ignored" + (distance(nearest, key) <= 4
                        ? "; did you mean " + nearest + "?" : "; the spark.mpi.* settings are " + known));
            }
        }
        return warnings;
    }

    /** Levenshtein distance, ignoring case. */
    private static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * {@link #KRYO_CLASSES}, then Spark's own {@code spark.kryo.classesToRegister}, split at commas,
     * blanks and repeats left out: the classes a user registered for Spark travel the same way here.
     */
    static List<String> kryoClasses(SparkConf conf) {
        return java.util.stream.Stream.of(conf.get(KRYO_CLASSES, ""), conf.get("spark.kryo.classesToRegister", ""))
                .flatMap(list -> java.util.Arrays.stream(list.split(","))).map(String::trim)
                .filter(c -> !c.isEmpty()).distinct().toList();
    }

    /** {@link #MEMORY_PATH}: true unless set to false. */
    static boolean memoryPath(SparkConf conf) {
        String v = conf.get(MEMORY_PATH, "true").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(MEMORY_PATH + " must be true or false, not "
                    + conf.get(MEMORY_PATH));
        };
    }

    /** {@link #CORES_SHARED}: {@code null} for {@code auto}, which lets the ranks tell from their hosts. */
    static Boolean coresShared(SparkConf conf) {
        String v = conf.get(CORES_SHARED, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "auto" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(CORES_SHARED + " must be auto, true or false, not "
                    + conf.get(CORES_SHARED));
        };
    }
}
