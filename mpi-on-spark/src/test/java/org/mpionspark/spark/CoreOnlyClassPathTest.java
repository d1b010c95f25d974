package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.coreonly.CoreOnlyProgram;

/**
 * An application with spark-core but no spark-sql (a plain RDD pipeline, a Spark home without SQL)
 * runs {@code run}, {@code runWithOutput}, {@code mapPartitions} over an RDD and a session, and the
 * Dataset method says what is missing: a child JVM with this test's class path less Spark SQL's jars
 * runs {@link CoreOnlyProgram}.
 */
@Timeout(240)
class CoreOnlyClassPathTest {

    /** Jars only Spark SQL brings (spark-core needs none of them). */
    private static final List<String> SQL_JARS = List.of("spark-sql_", "spark-sql-api_", "spark-catalyst_",
            "spark-sketch_", "spark-variant_");

    @Test
    void piAndEveryRddEntryPointRunWithoutSparkSql() throws Exception {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> SQL_JARS.stream().noneMatch(new File(e).getName()::startsWith))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(cp.contains("spark-core_"), "spark-core stays on the class path");
        List<String> out = runChild(cp);
        assertTrue(out.contains("sql=false"), String.join("\n", out));
        List<Double> pi = pi(out);
        assertEquals(1, pi.size(), "every rank has the same sum: " + out);
        assertEquals(Math.PI, pi.get(0), 2e-12, "the midpoint rule's pi on 300000 intervals");
        assertTrue(out.contains("output=[0, 10]hello from 1"), String.join("\n", out));
        assertTrue(out.contains("rdd=[21, 121, 221]"), String.join("\n", out));
        assertTrue(out.contains("session=[2, 3]"), String.join("\n", out));
        String dataset = out.stream().filter(l -> l.startsWith("dataset=")).findFirst().orElseThrow();
        assertTrue(dataset.contains("mapPartitions over a Dataset") && dataset.contains("needs Spark SQL (spark-sql_2.13")
                && dataset.contains("org.apache.spark.sql.classic.Dataset is missing"), dataset);
    }

    /** The three ranks' pi, distinct values only. */
    private static List<Double> pi(List<String> out) {
        return out.stream().filter(l -> l.startsWith("pi=")).flatMap(l -> Arrays.stream(l.substring(3).split(",")))
                .map(Double::parseDouble).distinct().toList();
    }

    private static List<String> runChild(String cp) throws IOException, InterruptedException {
        Path log = Files.createTempFile("core-only", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList()); // Spark's
        cmd.add(CoreOnlyProgram.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(200, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the child JVM ran past 200 s:\n" + Files.readString(log));
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "the child JVM failed:\n" + String.join("\n", lines));
            return lines;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
