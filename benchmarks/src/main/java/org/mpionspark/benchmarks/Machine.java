package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** This machine as the report describes it: processor, cores, memory, OS, Java. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = read("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        String mem = read("/proc/meminfo", "MemTotal").map(v -> String.format("%.0f GiB",
                Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("unknown memory");
        String os = read("/etc/os-release", "PRETTY_NAME").map(v -> v.replace("\"", "")).orElse(System.getProperty("os.name"));
        return String.format("%s, %d cores seen by the JVM, %s, %s (Linux %s), Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), mem, os, System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** The load averages over 1, 5 and 15 minutes ("0.52 0.61 0.70"), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The value of the first line of {@code file} that starts with {@code key}. */
    private static Optional<String> read(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(l.contains("=") && !l.contains(":") ? '=' : ':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
