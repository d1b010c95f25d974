package org.mpionspark.bridge.rank;

import java.io.Serializable;
import java.util.List;

import org.mpionspark.bridge.config.Defaults;

/**
 * How long a rank waits, and MPJ Express's eager/rendezvous switch. Built from {@code spark.mpi.*}
 * on the Spark side; tests build it directly.
 *
 * @param opTimeoutMillis       longest wait of one blocking MPI call for its peer; 0 for none
 * @param finalizeTimeoutMillis longest wait of the closing handshake before the world is torn down
 * @param protocolSwitchLimit   messages up to this many bytes go eagerly ({@code niodev}'s psl)
 * @param coresShared           whether ranks share processor cores, which picks the collective
 *                              algorithms; {@code null}: tell from the peer table
 *                              ({@link org.mpionspark.bridge.rendezvous.Peer#coresShared})
 * @param kryoClasses           class names the object tier's Kryo registers, in order
 *                              ({@code spark.mpi.kryo.classesToRegister})
 * @param jvmKey                the JVM this rank says it runs in ({@link org.mpionspark.bridge.rendezvous.Peer#jvm});
 *                              {@code null}: the real one. Tests give ranks of one JVM different
 *                              keys to place them as if on other hosts (the MPJ Express path)
 * @param memoryPath            whether ranks of one JVM talk through memory ({@code spark.mpi.memoryPath});
 *                              {@code false}: every message goes through MPJ Express, as between JVMs
 * @param encryptionRequired    whether traffic between JVMs must be encrypted ({@code
 *                              spark.network.crypto.enabled} without {@code spark.mpi.network.allowPlaintext}):
 *                              the lanes then seal every message with AES-GCM; a world whose messages take
 *                              MPJ Express ({@code spark.mpi.network.lanes=false}) fails to start
 * @param applicationSecret     the Spark application's secret ({@code spark.authenticate}), mixed into the key
 *                              every data connection between JVMs proves; {@code null}: the job's secret alone.
 *                              Set on the executor, never shipped in a task
 */
public record RankOptions(long opTimeoutMillis, long finalizeTimeoutMillis, int protocolSwitchLimit,
                          Boolean coresShared, List<String> kryoClasses, String jvmKey, boolean memoryPath,
                          boolean encryptionRequired, byte[] applicationSecret)
        implements Serializable {

    /** Every option at its {@link Defaults default}. */
    public static final RankOptions DEFAULTS = new RankOptions(Defaults.OP_TIMEOUT.toMillis(),
            Defaults.FINALIZE_TIMEOUT.toMillis(), Defaults.PROTOCOL_SWITCH_LIMIT, Defaults.CORES_SHARED, List.of(), null,
            Defaults.MEMORY_PATH, false, null);

    public RankOptions(long opTimeoutMillis, long finalizeTimeoutMillis, int protocolSwitchLimit, Boolean coresShared,
                       List<String> kryoClasses) {
        this(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses, null, true, false, null);
    }

    public RankOptions {
        kryoClasses = List.copyOf(kryoClasses);
        if (opTimeoutMillis < 0 || finalizeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("the op timeout must be 0 (none) or positive, the finalize timeout "
                    + "positive; not " + opTimeoutMillis + " and " + finalizeTimeoutMillis);
        }
        if (protocolSwitchLimit < 12) {
            throw new IllegalArgumentException("protocolSwitchLimit must be at least 12 bytes, not " + protocolSwitchLimit);
        }
    }

    public RankOptions withOpTimeoutMillis(long millis) {
        return new RankOptions(millis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses,
                jvmKey, memoryPath, encryptionRequired, applicationSecret);
    }

    public RankOptions withCoresShared(Boolean shared) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, shared, kryoClasses,
                jvmKey, memoryPath, encryptionRequired, applicationSecret);
    }

    public RankOptions withKryoClasses(List<String> classes) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, classes,
                jvmKey, memoryPath, encryptionRequired, applicationSecret);
    }

    /** These options with the JVM key a rank announces (tests placing ranks of one JVM as if apart). */
    public RankOptions withJvmKey(String key) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses,
                key, memoryPath, encryptionRequired, applicationSecret);
    }

    /** These options with the memory path on or off ({@code spark.mpi.memoryPath}). */
    public RankOptions withMemoryPath(boolean on) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses,
                jvmKey, on, encryptionRequired, applicationSecret);
    }

    /** These options with the application's secret, read on the executor ({@code spark.authenticate}). */
    public RankOptions withApplicationSecret(byte[] secret) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses,
                jvmKey, memoryPath, encryptionRequired, secret);
    }

    /** These options with traffic between JVMs encrypted, or not ({@code spark.network.crypto.enabled}). */
    public RankOptions withEncryptionRequired(boolean required) {
        return new RankOptions(opTimeoutMillis, finalizeTimeoutMillis, protocolSwitchLimit, coresShared, kryoClasses,
                jvmKey, memoryPath, required, applicationSecret);
    }

    /** Never prints the application's secret. */
    @Override
    public String toString() {
        return "RankOptions[opTimeoutMillis=" + opTimeoutMillis + ", finalizeTimeoutMillis=" + finalizeTimeoutMillis
                + ", protocolSwitchLimit=" + protocolSwitchLimit + ", coresShared=" + coresShared + ", kryoClasses="
                + kryoClasses + ", jvmKey=" + jvmKey + ", memoryPath=" + memoryPath + ", encryptionRequired="
                + encryptionRequired + ", applicationSecret=" + (applicationSecret == null ? "none" : "(set)") + "]";
    }

    /**
     * The JVM key rank {@code rank} announces: {@link #jvmKey} or this JVM's own; without the
     * memory path, one of its own, so that it shares memory with no other rank.
     */
    public String jvm(int rank) {
        String key = jvmKey != null ? jvmKey : org.mpionspark.bridge.memory.JvmKey.current();
        return memoryPath ? key : key + "/rank-" + rank;
    }

    /** The object tier's codec for the calling thread: its context class loader, {@link #kryoClasses} registered. */
    public org.mpionspark.bridge.serial.KryoCodec codec() {
        return new org.mpionspark.bridge.serial.KryoCodec(Thread.currentThread().getContextClassLoader(), kryoClasses);
    }
}
