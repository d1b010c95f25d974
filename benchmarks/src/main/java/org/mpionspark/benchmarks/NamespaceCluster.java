package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code build-support/cluster.sh} as the report drives it: namespaces and addresses of its own
 * ({@code CLUSTER_NAME} bench, {@code CLUSTER_NET} 10.214.0, unless the environment sets them, so a
 * test's cluster is not touched), workers of 2 cores ({@code WORKER_CORES}), the daemons on this
 * module's Spark home; up, down, spark-submit and Open MPI's mpirun from the driver's namespace.
 */
final class NamespaceCluster {

    private final Path script;
    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();

    NamespaceCluster(Path repo, Path module) {
        script = repo.resolve("build-support/cluster.sh");
        dir = Path.of(setting("CLUSTER_DIR", module.resolve("target/cluster").toString()));
        setting("CLUSTER_NAME", "bench");
        setting("CLUSTER_NET", "10.214.0");
        setting("WORKER_CORES", "2");
        setting("SPARK_JARS", module.resolve("target/spark-home/jars").toString());
    }

    private String setting(String name, String otherwise) {
        String v = System.getenv(name);
        env.put(name, v == null || v.isBlank() ? otherwise : v);
        return env.get(name);
    }

    /** Null where network namespaces can be made here, else why not (cluster.sh check's last line). */
    String whyNot() throws IOException {
        Path log = dir.resolveSibling(dir.getFileName() + "-check.log");
        int rc = run(List.of("check"), log, 5);
        String out = Files.readString(log).strip();
        Files.deleteIfExists(log);
        return rc == 0 ? null : out.isEmpty() ? "cluster.sh check exited with " + rc
                : out.substring(out.lastIndexOf('\n') + 1).replaceFirst("^\\[cluster] ", "");
    }

    boolean isUp() {
        return Files.exists(dir.resolve("up"));
    }

    /** The number of workers of the cluster that is up. */
    int workers() throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("workers")).strip());
    }

    /** {@code cluster.sh up N}; its output in {@code log}. */
    void up(int workers, Path log) throws IOException {
        int rc = run(List.of("up", Integer.toString(workers)), log, 10);
        if (rc != 0) {
            throw new IOException("cluster.sh up " + workers + " failed (exit " + rc + "): " + tail(log));
        }
    }

    /** {@code cluster.sh down}: every process and namespace of this cluster gone. */
    void down(Path log) throws IOException {
        int rc = run(List.of("down"), log, 5);
        if (rc != 0) {
            throw new IOException("cluster.sh down failed (exit " + rc + "): " + tail(log));
        }
    }

    /** spark-submit in the driver's namespace ({@code cluster.sh submit ARGS}); its exit code, its output in {@code log}. */
    int submit(List<String> args, Path log, int minutes) throws IOException {
        List<String> all = new ArrayList<>(List.of("submit"));
        all.addAll(args);
        return run(all, log, minutes);
    }

    /** The command that starts {@code ranks} processes of Open MPI across the workers, round-robin, before the program. */
    List<String> mpirun(int ranks, int workers) {
        List<String> cmd = new ArrayList<>(List.of("env", "-u", "WORKERS"));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of("bash", script.toString(), "mpirun", "--per-worker",
                Integer.toString((ranks + workers - 1) / workers), "--np", Integer.toString(ranks)));
        return cmd;
    }

    private int run(List<String> args, Path log, int minutes) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("WORKERS"); // the count is up's argument, then the cluster's own
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("cluster.sh " + String.join(" ", args) + " ran over " + minutes + " minutes; see " + log);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("interrupted: cluster.sh " + String.join(" ", args), e);
        }
    }

    /** The last lines of a log, for an error message. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }
}
