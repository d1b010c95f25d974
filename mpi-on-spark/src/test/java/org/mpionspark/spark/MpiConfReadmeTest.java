package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** README's configuration table says what {@link MpiConf} declares, and bad values are refused. */
class MpiConfReadmeTest {

    @Test
    void readmeListsEveryKeyWithItsDefaultAndDoc() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (MpiConf.Key k : MpiConf.KEYS) {
            String row = "| `" + k.name() + "` | `" + k.defaultValue() + "` | " + k.doc() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
        assertTrue(readme.contains("| `" + MpiConf.RENDEZVOUS_HOST + "` |"));
        assertTrue(readme.contains("| `" + MpiConf.CORES_SHARED + "` | `auto` |"));
    }

    @Test
    void valuesAreParsedAndChecked() {
        SparkConf conf = new SparkConf(false).set("spark.mpi.op.timeout", "2min");
        assertEquals(120_000, MpiConf.OP_TIMEOUT.get(conf));
        assertEquals(600_000, MpiConf.OP_TIMEOUT.get(new SparkConf(false)));
        assertEquals(131_072, MpiConf.PROTOCOL_SWITCH_LIMIT.get(new SparkConf(false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.OP_TIMEOUT.get(new SparkConf(false).set("spark.mpi.op.timeout", "0s")));
        assertEquals("spark.mpi.op.timeout must be a positive time, not 0s", e.getMessage());
        assertEquals(null, MpiConf.rankOptions(new SparkConf(false)).coresShared());
        assertEquals(Boolean.FALSE, MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.coresShared", "False")).coresShared());
        e = assertThrows(IllegalArgumentException.class,
                () -> MpiConf.rankOptions(new SparkConf(false).set("spark.mpi.coresShared", "maybe")));
        assertEquals("spark.mpi.coresShared must be auto, true or false, not maybe", e.getMessage());
    }
}
