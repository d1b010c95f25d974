package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;

/** MPJ Express's own test suite on embedded {@code local[8]}: every program that applies passes ({@code target/mpj-suite-local.txt}). */
@Timeout(600)
class MpjSuiteLocalModeTest {

    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(Contexts.localConf(8));
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void everyProgramThatAppliesPasses() throws Exception {
        List<MpjSuite.Verdict> failed = MpjSuite.runAndReport(new JavaMpiContext(jsc), "local[8]", "local");
        assertEquals(List.of(), failed.stream().map(v -> v.program() + ": " + v.why()).toList());
    }
}
