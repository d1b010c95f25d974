package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;

/**
 * MPJ Express's own test suite on two executor JVMs ({@code local-cluster[2,4,1024]}) with
 * {@code spark.mpi.memoryPath=false}, so every message goes through MPJ Express, even between ranks
 * of one JVM: every program that applies passes ({@code target/mpj-suite-local-cluster.txt}).
 */
@Timeout(600)
class MpjSuiteLocalClusterTest {

    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(Contexts.localClusterConf(2, 4).set("spark.mpi.memoryPath", "false"));
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void everyProgramThatAppliesPasses() throws Exception {
        List<MpjSuite.Verdict> failed = MpjSuite.runAndReport(new JavaMpiContext(jsc),
                "local-cluster[2,4,1024] (memoryPath=false)", "local-cluster");
        assertEquals(List.of(), failed.stream().map(v -> v.program() + ": " + v.why()).toList());
    }
}
