package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;

/** MPJ Express's own test suite on embedded {@code local[8]}: every program that applies passes. */
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
        JavaMpiContext mpi = new JavaMpiContext(jsc);
        Map<String, List<MpjSuite.Verdict>> all = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (String folder : MpjSuite.folders()) {
            all.put(folder, MpjSuite.runFolder(mpi, folder));
        }
        String summary = MpjSuite.summary("local[8]", all) + String.format("took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.print(summary);
        Path failed = Path.of("target/mpj-suite-local-failed.txt");
        Files.writeString(failed, "");
        for (MpjSuite.Verdict v : all.values().stream().flatMap(List::stream).filter(v -> !v.passed()).toList()) {
            Files.writeString(failed, "==== " + v.program() + ": " + v.why() + "\n" + v.output() + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Files.writeString(Path.of("target/mpj-suite-local.txt"), summary);
        assertEquals(List.of(), all.values().stream().flatMap(List::stream).filter(v -> !v.passed()).toList(), summary);
    }
}
