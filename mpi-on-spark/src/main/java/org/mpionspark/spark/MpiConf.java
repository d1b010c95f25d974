package org.mpionspark.spark;

import java.util.List;
import java.util.function.LongPredicate;

import org.apache.spark.SparkConf;
import org.mpionspark.bridge.RankOptions;

/**
 * Every {@code spark.mpi.*} setting, declared once with its default, meaning and check. README's
 * configuration table is checked against this list by a test.
 */
public final class MpiConf {

    /** One setting: a time ({@code 30s}, {@code 10min}) or a size in bytes. */
    public record Key(String name, String defaultValue, boolean time, String doc, LongPredicate valid,
                      String validDoc) {

        /** The value in milliseconds (times) or as a number (sizes), checked. */
        public long get(SparkConf conf) {
            long v = time ? conf.getTimeAsMs(name, defaultValue) : conf.getSizeAsBytes(name, defaultValue);
            if (!valid.test(v)) {
                throw new IllegalArgumentException(name + " must be " + validDoc + ", not " + conf.get(name, defaultValue));
            }
            return v;
        }
    }

    public static final Key RENDEZVOUS_TIMEOUT = new Key("spark.mpi.rendezvous.timeout", "60s", true,
            "How long the ranks of a stage may take to reach the rendezvous after the first one did; then the "
                    + "stage fails naming the ranks that never came.", v -> v > 0, "a positive time");
    public static final Key OP_TIMEOUT = new Key("spark.mpi.op.timeout", "10min", true,
            "Longest wait of one blocking MPI call (recv, a collective...) for its peer; then it fails naming "
                    + "the rank, the call and the peer.", v -> v > 0, "a positive time");
    public static final Key FINALIZE_TIMEOUT = new Key("spark.mpi.finalize.timeout", "30s", true,
            "Longest wait of MPI_Finalize at the end of a rank before its sockets are torn down anyway.",
            v -> v > 0, "a positive time");
    public static final Key SLOTS_WAIT_TIMEOUT = new Key("spark.mpi.slots.waitTimeout", "30s", true,
            "On a cluster, how long to wait for executors to offer as many task slots as ranks before failing "
                    + "(local mode fails at once).", v -> v >= 0, "a time of zero or more");
    public static final Key PROTOCOL_SWITCH_LIMIT = new Key("spark.mpi.protocolSwitchLimit", "128k", false,
            "Messages up to this size are sent eagerly by MPJ Express; larger ones wait for the receiver "
                    + "(niodev's protocol switch limit).", v -> v >= 12 && v <= Integer.MAX_VALUE,
            "a size from 12 bytes to 2g");

    /** Not a time or size: the address ranks use to reach the driver's rendezvous server. */
    public static final String RENDEZVOUS_HOST = "spark.mpi.rendezvous.host";

    /** Not a time or size: {@code auto}, {@code true} or {@code false}. */
    public static final String CORES_SHARED = "spark.mpi.coresShared";

    /** All of the above, in README order. */
    public static final List<Key> KEYS = List.of(RENDEZVOUS_TIMEOUT, OP_TIMEOUT, FINALIZE_TIMEOUT,
            SLOTS_WAIT_TIMEOUT, PROTOCOL_SWITCH_LIMIT);

    private MpiConf() {
    }

    /** The rank-side settings of {@code conf}, checked. */
    public static RankOptions rankOptions(SparkConf conf) {
        return new RankOptions(OP_TIMEOUT.get(conf), FINALIZE_TIMEOUT.get(conf),
                (int) PROTOCOL_SWITCH_LIMIT.get(conf), coresShared(conf));
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
