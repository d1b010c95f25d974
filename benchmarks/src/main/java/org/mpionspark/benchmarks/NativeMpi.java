package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.mpionspark.benchmarks.report.Measurement;

/**
 * Native MPI in the same run: mpi4py on Open MPI ({@code native/mpi_bench.py} under
 * {@code mpiexec}), started between our own measurements; its {@code RESULT} lines become
 * measurements. Installed by {@code native/install-native-mpi.sh}; where that fails, {@link #why()} says so.
 * On this machine it runs under {@code mpiexec}; {@link #launchedBy} runs it elsewhere (across the
 * namespace cluster's workers).
 */
final class NativeMpi {

    static final String METHOD = "Open MPI (mpi4py)";
    static final String MASTER = "native";
    private static final String PYTHON = "/usr/bin/python3";

    private final Path dir;
    private final String unavailable;
    /** Where its measurements say they ran: {@link #MASTER} on this machine. */
    private final String master;
    /** The command before the Python program, for a number of ranks. */
    private final IntFunction<List<String>> launcher;

    private NativeMpi(Path dir, String unavailable) {
        this(dir, unavailable, MASTER, ranks -> List.of("mpiexec", "--allow-run-as-root", "--oversubscribe",
                "-n", Integer.toString(ranks)));
    }

    private NativeMpi(Path dir, String unavailable, String master, IntFunction<List<String>> launcher) {
        this.dir = dir;
        this.unavailable = unavailable;
        this.master = master;
        this.launcher = launcher;
    }

    /** The same benchmarks started by {@code launcher} (ranks to the command before the program), measured as {@code master}. */
    NativeMpi launchedBy(String master, IntFunction<List<String>> launcher) {
        return new NativeMpi(dir, unavailable, master, launcher);
    }

    /** Runs the install script of {@code moduleDir}/native (apt only where something is missing). */
    static NativeMpi prepare(Path moduleDir) {
        Path dir = moduleDir.resolve("native");
        try {
            Process p = new ProcessBuilder("bash", dir.resolve("install-native-mpi.sh").toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new NativeMpi(dir, "its installation took over 10 minutes");
            }
            if (p.exitValue() != 0) {
                String[] lines = out.split("\n");
                return new NativeMpi(dir, lines[lines.length - 1]);
            }
            return new NativeMpi(dir, null);
        } catch (IOException e) {
            return new NativeMpi(dir, "cannot run its install script: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NativeMpi(dir, "interrupted while installing");
        }
    }

    boolean available() {
        return unavailable == null;
    }

    /** Why native MPI is not measured, or null if it is. */
    String why() {
        return unavailable;
    }

    /** The Open MPI version, as {@code mpiexec --version} says it ("4.1.4"), or "unknown". */
    String version() {
        try {
            Process p = new ProcessBuilder("mpiexec", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(out);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Allreduce SUM of a double vector on {@code ranks} processes, each size after {@code warmup} untimed rounds. */
    List<Measurement> allreduce(int ranks, long[] bytes, int reps, int warmup) throws IOException {
        return run(ranks, "allreduce", "allreduce", bytes, reps, warmup, null);
    }

    /** Broadcast of a double vector from rank 0 on {@code ranks} processes, as {@link #allreduce}. */
    List<Measurement> bcast(int ranks, long[] bytes, int reps, int warmup) throws IOException {
        return run(ranks, "bcast", CollectivesOnRanks.BCAST, bytes, reps, warmup, null);
    }

    /** A barrier on {@code ranks} processes (bytes 0), after {@code warmup} untimed ones. */
    List<Measurement> barrier(int ranks, int reps, int warmup) throws IOException {
        return run(ranks, "barrier", CollectivesOnRanks.BARRIER, new long[] {0}, reps, warmup, null);
    }

    /** One-way ping-pong time on 2 processes; {@code inner} round trips per repetition, one per size. */
    List<Measurement> pingPong(long[] bytes, int[] inner, int reps, int warmup) throws IOException {
        return run(2, "pingpong", "pingpong", bytes, reps, warmup, inner);
    }

    private List<Measurement> run(int ranks, String kind, String section, long[] bytes, int reps, int warmup,
                                  int[] inner) throws IOException {
        List<String> cmd = new ArrayList<>(launcher.apply(ranks));
        cmd.addAll(List.of(PYTHON, dir.resolve("mpi_bench.py").toString(), kind, join(bytes),
                Integer.toString(reps), Integer.toString(warmup)));
        if (inner != null) {
            cmd.add(Arrays.stream(inner).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        Path log = Files.createTempFile("native-mpi", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            String out = Files.readString(log);
            if (!done || p.exitValue() != 0) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // mpirun under a launcher script
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + (done ? " exited with " + p.exitValue()
                        : " ran over 10 minutes") + ": " + out.strip());
            }
            return parse(section, master, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Of two runs of the same sizes (one before our measurement, one after: the machine is
     * shared), each size's better median: a conservative baseline for ours.
     */
    static List<Measurement> better(List<Measurement> a, List<Measurement> b) {
        List<Measurement> out = new ArrayList<>();
        for (Measurement x : a) {
            Measurement best = x;
            for (Measurement y : b) {
                if (y.section().equals(x.section()) && y.master().equals(x.master()) && y.ranks() == x.ranks()
                        && y.bytes() == x.bytes() && y.medianMs() < best.medianMs()) {
                    best = y;
                }
            }
            out.add(best);
        }
        return out;
    }

    /** The measurements in {@code output}'s {@code RESULT key=value ...} lines; other lines are ignored. */
    static List<Measurement> parse(String section, String output) {
        return parse(section, MASTER, output);
    }

    /** As {@link #parse(String, String)}, the measurements made where {@code master} says. */
    static List<Measurement> parse(String section, String master, String output) {
        List<Measurement> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            Map<String, String> kv = new HashMap<>();
            for (String field : line.substring(7).trim().split("\\s+")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    kv.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            out.add(new Measurement(section, METHOD, master, Integer.parseInt(kv.get("ranks")),
                    Long.parseLong(kv.get("bytes")), Double.parseDouble(kv.get("median_ms")),
                    Double.parseDouble(kv.get("min_ms")), Double.parseDouble(kv.get("max_ms")),
                    Integer.parseInt(kv.get("reps"))));
        }
        return out;
    }

    private static String join(long[] bytes) {
        return Arrays.stream(bytes).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
