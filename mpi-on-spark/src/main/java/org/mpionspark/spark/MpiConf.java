package org.mpionspark.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.mpionspark.bridge.config.Defaults;
import org.mpionspark.bridge.config.TwoLevelMode;
import org.mpionspark.bridge.rank.RankOptions;
import scala.Tuple2;

/**
 * Every {@code spark.mpi.*} setting, declared once with its default (from the bridge's
 * {@link Defaults}), kind, meaning and check. README's configuration table is checked against
 * this list by a test; {@link #validate} checks a whole configuration when a {@link JavaMpiContext}
 * is made, and names misspelt keys.
 */
public final class MpiConf {

    /** How a setting's text reads. */
    public enum Kind {
        /** {@code 30s}, {@code 10min}; {@code none} where 0 means "never". */
        TIME,
        /** {@code 128k}, {@code 1m}. */
        SIZE,
        /** A plain number. */
        COUNT,
        /** {@code true} or {@code false}. */
        FLAG,
        /** {@code auto}, {@code true} or {@code false}. */
        AUTO_FLAG,
        /** One of the words its check names ({@code auto, always or never}), any case. */
        CHOICE,
        /** A host name or address. */
        HOST,
        /** Names, comma-separated. */
        LIST
    }

    /**
     * One setting. Numbers ({@link #get}) read as milliseconds (times), bytes (sizes), or
     * themselves (counts); flags as {@link #flag}; the others as text ({@link #text}, {@link #list}).
     * {@code defaultValue} is its text when unset; for {@link Kind#HOST}, the Spark setting whose
     * value it takes.
     */
    public record Key(String name, String defaultValue, Kind kind, String doc, LongPredicate valid,
                      String validDoc) {

        /** The value of a time, size or count, checked; a time that may be off reads {@code none} as 0. */
        public long get(SparkConf conf) {
            if (kind != Kind.TIME && kind != Kind.SIZE && kind != Kind.COUNT) {
                throw new IllegalStateException(name + " is not a number but a " + kind);
            }
            String text = text(conf);
            long v;
            try {
                v = switch (kind) {
                    case TIME -> text.equalsIgnoreCase("none") ? 0 : conf.getTimeAsMs(name, defaultValue);
                    case SIZE -> conf.getSizeAsBytes(name, defaultValue);
                    default -> Long.parseLong(text);
                };
            } catch (RuntimeException e) { // Spark's own parse errors say little about the key
                throw bad(text, e);
            }
            if (!valid.test(v)) {
                throw bad(text, null);
            }
            return v;
        }

        /** A flag's value: {@code null} for {@code auto}. */
        public Boolean flag(SparkConf conf) {
            String v = text(conf).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "auto" -> {
                    if (kind != Kind.AUTO_FLAG) {
                        throw bad(text(conf), null);
                    }
                    yield null;
                }
                default -> throw bad(text(conf), null);
            };
        }

        /** A choice's value, in lower case: one of the words of {@code validDoc} ({@code "auto, always or never"}). */
        public String choice(SparkConf conf) {
            if (kind != Kind.CHOICE) {
                throw new IllegalStateException(name + " is not a choice but a " + kind);
            }
            String v = text(conf).toLowerCase(Locale.ROOT);
            if (!Arrays.asList(validDoc.split(",\\s*|\\s+or\\s+")).contains(v)) {
                throw bad(text(conf), null);
            }
            return v;
        }

        /** The setting's text, trimmed; its default when unset. */
        public String text(SparkConf conf) {
            String fallback = kind == Kind.HOST ? conf.get(defaultValue, "127.0.0.1") : defaultValue;
            return conf.get(name, fallback).trim();
        }

        /** A list's names, split at commas, blanks left out. */
        public List<String> list(SparkConf conf) {
            return Arrays.stream(text(conf).split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        }

        /** The default as README's table shows it. */
        public String shownDefault() {
            return defaultValue.isEmpty() ? "(none)" : "`" + defaultValue + "`";
        }

        /** Throws if the value is not one this setting takes. */
        void check(SparkConf conf) {
            switch (kind) {
                case TIME, SIZE, COUNT -> get(conf);
                case FLAG, AUTO_FLAG -> flag(conf);
                case CHOICE -> choice(conf);
                default -> text(conf);
            }
        }

        private IllegalArgumentException bad(String text, Throwable cause) {
            return new IllegalArgumentException(name + " must be " + validDoc + ", not " + text, cause);
        }
    }

    public static final Key RENDEZVOUS_TIMEOUT = time("spark.mpi.rendezvous.timeout", Defaults.RENDEZVOUS_TIMEOUT,
            "How long the ranks of a stage may take to reach the rendezvous after the first one did; then the "
                    + "stage fails naming the ranks that never came.", v -> v > 0, "a positive time");
    public static final Key OP_TIMEOUT = time("spark.mpi.op.timeout", Defaults.OP_TIMEOUT,
            "Longest wait of one blocking MPI call (recv, a collective...) for its peer; then it fails naming "
                    + "the rank, the call and the peer. `none` (or 0): no limit; the deadlock watchdog stays on. The "
                    + "barrier that ends a rank has no limit.", v -> v >= 0, "a time of zero or more, or none");
    public static final Key DEADLOCK_TIMEOUT = time("spark.mpi.deadlock.timeout", Defaults.DEADLOCK_TIMEOUT,
            "How long every rank of a world may wait in MPI calls with no byte moving before the stage fails as "
                    + "a deadlock, listing each rank's call. `none` (or 0): no watchdog.", v -> v >= 0,
            "a time of zero or more, or none");
    public static final Key FINALIZE_TIMEOUT = time("spark.mpi.finalize.timeout", Defaults.FINALIZE_TIMEOUT,
            "Longest closing handshake of a JVM's endpoint with the other JVMs' once its ranks of the world have "
                    + "ended (in the background: no rank's task waits for it); then its sockets are torn down anyway.",
            v -> v > 0, "a positive time");
    public static final Key SLOTS_WAIT_TIMEOUT = time("spark.mpi.slots.waitTimeout", Defaults.SLOTS_WAIT_TIMEOUT,
            "How long to wait for as many free task slots as ranks before failing, naming what holds the "
                    + "others (in local mode, only while some are busy).", v -> v >= 0, "a time of zero or more");
    public static final Key MAX_ATTEMPTS = new Key("spark.mpi.stage.maxAttempts",
            Integer.toString(Defaults.STAGE_MAX_ATTEMPTS), Kind.COUNT,
            "How many times an SPMD stage is run, each time with a fresh world, when it fails for a reason "
                    + "outside the user's code (an executor lost, a rank that never reached the rendezvous); "
                    + "a rank's own error is never retried.", v -> v >= 1 && v <= 100, "a number from 1 to 100");
    public static final Key PROTOCOL_SWITCH_LIMIT = new Key("spark.mpi.protocolSwitchLimit",
            size(Defaults.PROTOCOL_SWITCH_LIMIT), Kind.SIZE,
            "Messages up to this size are sent eagerly by MPJ Express; larger ones wait for the receiver "
                    + "(niodev's protocol switch limit). Only MPJ Express's own traffic: its collectives, and "
                    + "messages between JVMs with `spark.mpi.network.lanes=false`.", v -> v >= 12 && v <= Integer.MAX_VALUE,
            "a size from 12 bytes to 2g");
    public static final Key SESSION_CELL_TIMEOUT = time("spark.mpi.session.cellTimeout", Defaults.SESSION_CELL_TIMEOUT,
            "Longest run of one cell of an interactive `MpiSession`; then its ranks' calls are aborted, each "
                    + "rank's call is reported and the session starts fresh ranks. `none` (or 0): no limit.",
            v -> v >= 0, "a time of zero or more, or none");
    public static final Key RENDEZVOUS_HOST = new Key("spark.mpi.rendezvous.host", "spark.driver.host", Kind.HOST,
            "The address ranks use to reach the driver's rendezvous server (which listens on "
                    + "`spark.driver.bindAddress` only).", null, "a host name or address");
    public static final Key CORES_SHARED = new Key("spark.mpi.coresShared",
            Defaults.CORES_SHARED == null ? "auto" : Defaults.CORES_SHARED.toString(), Kind.AUTO_FLAG,
            "Whether ranks share processor cores, which picks the collective algorithms (`true`: fewest messages, "
                    + "e.g. reduce + broadcast; `false`: fewest rounds, e.g. recursive doubling). `auto` says `true` "
                    + "when some host runs more ranks than its JVM has processors, or some machine more than it has "
                    + "online (executors in containers or network namespaces of one machine share its cores; the "
                    + "machine is told by its kernel's boot id).", null, "auto, true or false");
    public static final Key MEMORY_PATH = new Key("spark.mpi.memoryPath", Boolean.toString(Defaults.MEMORY_PATH),
            Kind.FLAG, "Whether ranks of one JVM (all of local mode, the tasks of one executor) talk through memory; "
                    + "`false` gives each rank an endpoint of its own, so every message goes through the sockets, as "
                    + "between JVMs (for comparisons).",
            null, "true or false");
    public static final Key TWO_LEVEL = new Key(TwoLevelMode.KEY, Defaults.TWO_LEVEL.text(), Kind.CHOICE,
            "Whether collectives whose ranks span executor JVMs, several in some, go in two levels: in memory "
                    + "within each JVM, and between JVMs by one leader each, so each JVM's data crosses the network "
                    + "once. `auto`: bcast, reduce, allreduce, scan and exscan from 64 KB; barrier, reduceScatter, "
                    + "gather, allgather and alltoall (and their v and object forms) always; scatter never (its root's "
                    + "direct sends win below 1 MB a rank); `always`: every collective whatever the size; `never`: "
                    + "none (for comparisons). Scans, and reductions by a "
                    + "non-commutative op, go in two levels only where each JVM holds consecutive ranks.",
            null, "auto, always or never");
    public static final Key ALLOW_PLAINTEXT = new Key("spark.mpi.network.allowPlaintext", "false", Kind.FLAG,
            "With `spark.network.crypto.enabled=true`, MPI messages between executor JVMs are encrypted on the "
                    + "lanes (AES-GCM, a key per direction drawn from the world's key), and a world whose messages would "
                    + "take MPJ Express's own connections (`spark.mpi.network.lanes=false`), which are not, fails at "
                    + "`MPI_Init`; the ranks' control links to the driver and an MPI session's cells are encrypted too. "
                    + "`true` sends them unencrypted (authenticated only). Ranks of one JVM never leave it.", null, "true or false");
    public static final Key LANES = new Key("spark.mpi.network.lanes", Boolean.toString(Defaults.LANES), Kind.FLAG,
            "Whether messages between executor JVMs take lanes of their own: one connection per pair of JVMs, made "
                    + "at the world's start and admitted by the world's key, on which the sending rank writes and the "
                    + "receiving rank, while it waits, reads (as fast as a plain socket allows). The ranks start once "
                    + "the lanes are made; MPJ Express starts beside them only if its own collectives are asked for. "
                    + "`false` sends messages through MPJ Express's `niodev` connections, which the ranks then wait for "
                    + "(for comparisons).", null,
            "true or false");
    public static final Key KRYO_CLASSES = new Key("spark.mpi.kryo.classesToRegister", "", Kind.LIST,
            "Class names, comma-separated, that the object tier's Kryo 5 registers, in this order, on every rank "
                    + "and for the values ranks return (shorter messages: a number instead of the class name). "
                    + "Optional: any class travels without it. A name the driver cannot load fails `new JavaMpiContext`. "
                    + "Spark's own `spark.kryo.classesToRegister` is added after these; Spark's `spark.kryo.registrator` "
                    + "is not used (its serializers are Kryo 4's).",
            null, "class names, comma-separated");

    /** All of the above, in README order. */
    public static final List<Key> KEYS = List.of(RENDEZVOUS_TIMEOUT, OP_TIMEOUT, DEADLOCK_TIMEOUT, FINALIZE_TIMEOUT,
            SLOTS_WAIT_TIMEOUT, MAX_ATTEMPTS, PROTOCOL_SWITCH_LIMIT, SESSION_CELL_TIMEOUT, RENDEZVOUS_HOST, CORES_SHARED,
            MEMORY_PATH, TWO_LEVEL, ALLOW_PLAINTEXT, LANES, KRYO_CLASSES);

    private MpiConf() {
    }

    private static Key time(String name, Duration value, String doc, LongPredicate valid, String validDoc) {
        long ms = value.toMillis();
        String text = ms % 60_000 == 0 && ms >= 600_000 ? ms / 60_000 + "min" : ms % 1000 == 0 ? ms / 1000 + "s"
                : ms + "ms";
        return new Key(name, text, Kind.TIME, doc, valid, validDoc);
    }

    private static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "m" : bytes % 1024 == 0 ? (bytes >> 10) + "k" : bytes + "b";
    }

    /** The rank-side settings of {@code conf}, checked. */
    public static RankOptions rankOptions(SparkConf conf) {
        return new RankOptions(OP_TIMEOUT.get(conf), FINALIZE_TIMEOUT.get(conf),
                (int) PROTOCOL_SWITCH_LIMIT.get(conf), CORES_SHARED.flag(conf), kryoClasses(conf), null,
                MEMORY_PATH.flag(conf),
                conf.getBoolean("spark.network.crypto.enabled", false) && !ALLOW_PLAINTEXT.flag(conf), null);
    }

    /** Which collectives go in two levels ({@link #TWO_LEVEL}), checked: what every rank's ticket carries. */
    public static TwoLevelMode twoLevel(SparkConf conf) {
        return TwoLevelMode.parse(TWO_LEVEL.choice(conf));
    }

    /**
     * {@code key}, if a {@code JavaMpiContext} may set it for its own stages ({@code withConf}): any
     * {@code spark.mpi.*} key but {@link #RENDEZVOUS_HOST}, which the driver reads once per SparkContext.
     */
    static String requireOverridable(String key) {
        if (RENDEZVOUS_HOST.name().equals(key)) {
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
        return KEYS.stream().map(Key::name).toList();
    }

    /**
     * Checks every {@code spark.mpi.*} setting of {@code conf}, throwing on the first bad value,
     * and returns a warning for each key that is not one of ours (with the nearest known key).
     */
    public static List<String> validate(SparkConf conf) {
        KEYS.forEach(k -> k.check(conf));
        try {
            rankOptions(conf).codec(); // the classes to register load on the driver, which decodes results
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KRYO_CLASSES.name() + ": " + e.getMessage(), e);
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
     * {@link #KRYO_CLASSES}, then Spark's own {@code spark.kryo.classesToRegister}, repeats left
     * out: the classes a user registered for Spark travel the same way here.
     */
    static List<String> kryoClasses(SparkConf conf) {
        return Stream.concat(KRYO_CLASSES.list(conf).stream(),
                        Arrays.stream(conf.get("spark.kryo.classesToRegister", "").split(",")).map(String::trim))
                .filter(c -> !c.isEmpty()).distinct().toList();
    }
}
