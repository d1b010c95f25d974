package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.mpionspark.bridge.config.TwoLevelMode;

/** README's configuration table says what {@link MpiConf} declares, and bad values are refused. */
class MpiConfReadmeTest {

    @Test
    void readmeListsEveryKeyWithItsDefaultAndDoc() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (MpiConf.Key k : MpiConf.KEYS) {
            String row = "| `" + k.name() + "` | " + k.shownDefault() + " | " + k.doc() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
        assertEquals(MpiConf.KEYS.size(), readme.lines().filter(l -> l.startsWith("| `spark.mpi.")).count(),
                "README's configuration table has a row for each key, and only those");
    }

    @Test
    void valuesAreParsedAndChecked() {
        SparkConf conf = new SparkConf(false).set("spark.mpi.op.timeout", "2min");
        assertEquals(120_000, MpiConf.OP_TIMEOUT.get(conf));
        assertEquals(600_000, MpiConf.OP_TIMEOUT.get(new SparkConf(false)));
        assertEquals(131_072, MpiConf.PROTOCOL_SWITCH_LIMIT.get(new SparkConf(false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "-1s")));
        assertEquals("spark.mpi.op.timeout must be a time of zero or more, or none, not -1s", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "ten minutes")));
        assertEquals("spark.mpi.op.timeout must be a time of zero or more, or none, not ten minutes", e.getMessage());
        // no op timeout: "none" or 0; a huge one is kept, not overflowed
        assertEquals(0, MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "None")));
        assertEquals(0, MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "0s")));
        assertEquals(86_400_000_000_000L, MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "1000000d")));
        assertEquals(5_000, MpiConf.DEADLOCK_TIMEOUT.get(new SparkConf(false)));
        assertEquals(3, MpiConf.MAX_ATTEMPTS.get(new SparkConf(false)));
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.MAX_ATTEMPTS.get(new SparkConf(false).set("spark.mpi.stage.maxAttempts", "0")));
        assertEquals("spark.mpi.stage.maxAttempts must be a number from 1 to 100, not 0", e.getMessage());
        assertEquals(null, MpiConf.rankOptions(new SparkConf(false)).coresShared());
        assertEquals(Boolean.FALSE, MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.coresShared", "False")).coresShared());
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.coresShared", "maybe")));
        assertEquals("spark.mpi.coresShared must be auto, true or false, not maybe", e.getMessage());
        assertTrue(MpiConf.rankOptions(new SparkConf(false)).memoryPath());
        assertFalse(MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.memoryPath", "FALSE")).memoryPath());
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.memoryPath", "sometimes")));
        assertEquals("spark.mpi.memoryPath must be true or false, not sometimes", e.getMessage());
        assertEquals(TwoLevelMode.AUTO, MpiConf.twoLevel(new SparkConf(false)));
        assertEquals(TwoLevelMode.ALWAYS, MpiConf.twoLevel(new SparkConf(false).set(TwoLevelMode.KEY, " Always")));
        assertEquals(TwoLevelMode.NEVER, MpiConf.twoLevel(new SparkConf(false).set(TwoLevelMode.KEY, "never")));
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.validate(new SparkConf(false).set("spark.mpi.collectives.twoLevel", "sometimes")));
        assertEquals("spark.mpi.collectives.twoLevel must be auto, always or never, not sometimes", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TwoLevelMode.parse("true"));
        assertEquals("spark.mpi.collectives.twoLevel must be auto, always or never, not true", e.getMessage());
    }

    @Test
    void aWholeConfigurationIsCheckedAtOnceAndMisspeltKeysAreNamed() {
        SparkConf conf = new SparkConf(false)
                .set("spark.mpi.op.timout", "5s")
                .set("spark.mpi.deadlockTimeout", "1s")
                .set("spark.mpi.frobnicate", "yes")
                .set("spark.mpi.op.timeout", "1min");
        assertEquals(java.util.List.of(
                "unknown setting spark.mpi.deadlockTimeout is ignored; did you mean spark.mpi.deadlock.timeout?",
                "unknown setting spark.mpi.frobnicate is ignored; the spark.mpi.* settings are [spark.mpi.rendezvous"
                        + ".timeout, spark.mpi.op.timeout, spark.mpi.deadlock.timeout, spark.mpi.finalize.timeout, "
                        + "spark.mpi.slots.waitTimeout, spark.mpi.stage.maxAttempts, spark.mpi.protocolSwitchLimit, "
                        + "spark.mpi.session.cellTimeout, spark.mpi.rendezvous.host, spark.mpi.coresShared, "
                        + "spark.mpi.memoryPath, spark.mpi.collectives.twoLevel, spark.mpi.network.allowPlaintext, "
                        + "spark.mpi.network.lanes, spark.mpi.kryo.classesToRegister]",
                "unknown setting spark.mpi.op.timout is ignored; did you mean spark.mpi.op.timeout?"),
                MpiConf.validate(conf).stream().sorted().toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.validate(new SparkConf(false).set("spark.mpi.finalize.timeout", "0")));
        assertEquals("spark.mpi.finalize.timeout must be a positive time, not 0", e.getMessage());
    }

    @Test
    void kryoClassesToRegisterAreReadInOrderAndMustLoad() {
        SparkConf conf = new SparkConf(false).set(MpiConf.KRYO_CLASSES.name(), " java.util.ArrayList, ,"
                + MpiConfReadmeTest.class.getName() + " ");
        assertEquals(java.util.List.of("java.util.ArrayList", MpiConfReadmeTest.class.getName()),
                MpiConf.rankOptions(conf).kryoClasses());
        assertEquals(java.util.List.of(), MpiConf.rankOptions(new SparkConf(false)).kryoClasses());
        // Spark's own list comes after ours, without repeats
        assertEquals(java.util.List.of("java.util.ArrayList", "java.util.HashMap"), MpiConf.rankOptions(
                new SparkConf(false).set(MpiConf.KRYO_CLASSES.name(), "java.util.ArrayList")
                        .set("spark.kryo.classesToRegister", "java.util.HashMap, java.util.ArrayList")).kryoClasses());
        assertEquals(java.util.List.of(), MpiConf.validate(conf));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MpiConf.validate(
                new SparkConf(false).set(MpiConf.KRYO_CLASSES.name(), "java.util.ArrayList,com.example.NoSuchClass")));
        assertEquals("spark.mpi.kryo.classesToRegister: cannot register class com.example.NoSuchClass with Kryo: "
                + "java.lang.ClassNotFoundException: com.example.NoSuchClass", e.getMessage());
    }
}
