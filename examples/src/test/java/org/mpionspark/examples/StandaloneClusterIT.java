package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples' fat jar on a real Spark standalone cluster ({@code build-support/cluster.sh}): a
 * Master and two Workers, each in its own network namespace with its own address, jobs submitted
 * with Spark's spark-submit in client and in cluster deploy mode. Skipped where network namespaces
 * cannot be made (not root, no iproute2). Runs in {@code mvn verify} (failsafe), after the fat jar
 * is built.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SCRIPT = REPO.resolve("build-support/cluster.sh");
    /** Its own name, addresses and folder, so that a cluster started by hand is not touched. */
    private static final String NAME = "mosit";
    private static final String NET = "10.213.1";
    private static final Path STATE = REPO.resolve("examples/target/cluster-it");
    private static final Path OUT = REPO.resolve("examples/target/cluster-it-jobs");
    private static final Set<String> WORKERS = Set.of(NET + ".11", NET + ".12");
    /** Spark's log line for each task it starts: "Starting task 1.0 in stage 0.0 (TID 1) (10.213.1.12,executor 0, ...". */
    private static final Pattern TASK_HOST = Pattern.compile("Starting task \\S+ in stage \\S+ \\(TID \\d+\\) \\(([0-9.]+),");

    private static boolean up;

    /** A finished run of the script: exit code, stdout (the driver's output), stderr (logs). */
    record Run(int exitCode, String stdout, String stderr, double seconds) {

        /** The hosts Spark started tasks on, from the driver's log. */
        Set<String> taskHosts() {
            Set<String> hosts = new TreeSet<>();
            Matcher m = TASK_HOST.matcher(stderr);
            while (m.find()) {
                hosts.add(m.group(1));
            }
            return hosts;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + " after " + seconds + " s\n--- stdout\n" + stdout + "\n--- stderr (end)\n"
                    + stderr.substring(Math.max(0, stderr.length() - 6000));
        }
    }

    @BeforeAll
    static void up() throws Exception {
        Files.createDirectories(OUT);
        Run check = script("check", "check");
        Assumptions.assumeTrue(check.exitCode() == 0,
                "no real cluster here, network namespaces cannot be made: " + check.stderr().strip());
        for (Path needed : List.of(REPO.resolve("examples/target/mpi-on-spark-examples.jar"),
                REPO.resolve("mpi-on-spark/target/spark-home/jars"))) {
            assertTrue(Files.exists(needed), needed + " is missing: build from the root (mvn -B verify)");
        }
        Run run = script("up", "up");
        assertEquals(0, run.exitCode(), () -> "cluster.sh up failed: " + run);
        up = true;
        System.out.printf("cluster up in %.1f s%n", run.seconds());
    }

    @AfterAll
    static void down() throws Exception {
        if (!up) {
            return;
        }
        copyClusterLogs();
        Run run = script("down", "down");
        assertEquals(0, run.exitCode(), () -> "cluster.sh down failed: " + run);
        Run namespaces = command("netns", List.of("ip", "netns", "list"));
        for (String line : namespaces.stdout().split("\n")) {
            assertTrue(!line.startsWith(NAME + "-"), "namespace left after down: " + line);
        }
        List<String> left = processesUsing(STATE.toString());
        assertTrue(left.isEmpty(), "processes left after down: " + left);
        assertTrue(!Files.exists(STATE), STATE + " left after down");
    }

    @Test
    void piInClientMode() throws Exception {
        checkPi(submit("pi-client", "client", "Pi", "4", "10000000"));
    }

    @Test
    void piInClusterMode() throws Exception {
        checkPi(submit("pi-cluster", "cluster", "Pi", "4", "10000000"));
    }

    /**
     * Open MPI across the workers' namespaces (the benchmark report's peer): {@code cluster.sh mpirun}
     * places ranks round-robin, each namespace with a hostname of its own; the rsh agent refuses an
     * address no node has. Skipped where Open MPI is not installed.
     */
    @Test
    void mpirunRunsOnEveryWorkerUnderItsOwnHostname() throws Exception {
        Assumptions.assumeTrue(command("which-mpirun", List.of("sh", "-c", "command -v mpirun")).exitCode() == 0,
                "Open MPI's mpirun is not installed");
        Run hosts = script("hosts", "hosts");
        assertEquals("w1 " + NET + ".11\nw2 " + NET + ".12\n", hosts.stdout(), () -> "cluster.sh hosts: " + hosts);
        Run run = script("mpirun", "mpirun", "--per-worker", "2", "--np", "3", "hostname");
        assertEquals(0, run.exitCode(), () -> "cluster.sh mpirun failed: " + run);
        assertEquals(List.of(NAME + "-w1", NAME + "-w1", NAME + "-w2"), run.stdout().lines().sorted().toList(), run::toString);
        Run stray = script("rsh-stray", "rsh", NET + ".99", "true");
        assertNotEquals(0, stray.exitCode());
        assertTrue(stray.stderr().contains("rsh: no node of cluster '" + NAME + "' has address or name '" + NET + ".99'"),
                stray::toString);
    }

    @Test
    void mandelbrotInClientMode() throws Exception {
        checkMandelbrot("client");
    }

    @Test
    void mandelbrotInClusterMode() throws Exception {
        checkMandelbrot("cluster");
    }

    @Test
    void evenOddInClientMode() throws Exception {
        checkEvenOdd(submit("evenodd-client", "client", "EvenOdd", "4"));
    }

    @Test
    void evenOddInClusterMode() throws Exception {
        checkEvenOdd(submit("evenodd-cluster", "cluster", "EvenOdd", "4"));
    }

    @Test
    void unchangedMpjExpressProgramInClientMode() throws Exception {
        checkMpjHello(submit("mpj-client", "client", "org.mpionspark.mpj.RunMain", "--np", "4", "HelloWorld"));
    }

    @Test
    void unchangedMpjExpressProgramInClusterMode() throws Exception {
        checkMpjHello(submit("mpj-cluster", "cluster", "org.mpionspark.mpj.RunMain", "--np", "4", "HelloWorld"));
    }

    /** MPJ Express's HelloWorld, run by RunMain: each rank's greeting, on ranks spread over both workers. */
    private static void checkMpjHello(Run run) {
        assertEquals(0, run.exitCode(), () -> "RunMain HelloWorld failed: " + run);
        for (int rank = 0; rank < 4; rank++) {
            assertTrue(run.stdout().contains("[stdout:" + rank + "] Hi from <" + rank + ">"), run::toString);
        }
        assertEquals(WORKERS, run.taskHosts(), () -> "ranks did not run on both workers: " + run);
    }

    /** The course's even/odd communicators, by group and by split, on ranks spread over both workers. */
    private static void checkEvenOdd(Run run) {
        assertEquals(0, run.exitCode(), () -> "EvenOdd failed: " + run);
        for (String line : List.of(
                "[stdout:0] I am even process 0 of 2 (world rank 0); split: 0 of 2; world ranks here sum to 2",
                "[stdout:1] I am odd process 0 of 2 (world rank 1); split: 0 of 2; world ranks here sum to 4",
                "[stdout:2] I am even process 1 of 2 (world rank 2); split: 1 of 2; world ranks here sum to 2",
                "[stdout:3] I am odd process 1 of 2 (world rank 3); split: 1 of 2; world ranks here sum to 4")) {
            assertTrue(run.stdout().contains(line), () -> "no '" + line + "' in the output: " + run);
        }
        assertEquals(WORKERS, run.taskHosts(), () -> "ranks did not run on both workers: " + run);
    }

    /** An executor killed while its ranks compute fails the job at once, naming a rank on that worker. */
    @Test
    void aKilledExecutorFailsTheJobNamingTheRank() throws Exception {
        Path stdout = OUT.resolve("killed.out");
        Path stderr = OUT.resolve("killed.err");
        // no retry with a fresh world: the error is what the user sees when the attempts are spent
        Process job = start(stdout, stderr, "submit", "--conf", "spark.mpi.stage.maxAttempts=1", "Pi", "4", LONG_PI);
        long killedAt = 0;
        try {
            waitForALongBarrierStage(job, stderr);
            Run kill = script("kill-executor", "kill-executor", "w2");
            killedAt = System.nanoTime();
            assertEquals(0, kill.exitCode(), () -> "cluster.sh kill-executor failed: " + kill);
            assertTrue(job.waitFor(120, TimeUnit.SECONDS), "the job did not end within 120 s of the kill");
        } finally {
            job.destroyForcibly();
        }
        Run run = new Run(job.exitValue(), Files.readString(stdout), Files.readString(stderr),
                seconds(killedAt));
        System.out.printf("killed executor: the job ended %.1f s after the kill%n", run.seconds());
        assertNotEquals(0, run.exitCode(), () -> "the job succeeded with a killed executor: " + run);
        assertTrue(Pattern.compile("MpiRankFailedException: rank \\d of 4 failed: rank \\d on host "
                        + Pattern.quote(NET + ".12") + " lost its connection to the driver").matcher(run.stderr()).find(),
                () -> "no error naming a rank on the killed worker: " + run);
    }

    /** The master's and workers' logs, kept beside the jobs' output (down removes the cluster's folder). */
    private static void copyClusterLogs() throws IOException {
        Path logs = STATE.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    Files.copy(log, OUT.resolve("cluster-" + log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void checkPi(Run run) {
        assertEquals(0, run.exitCode(), () -> "Pi failed: " + run);
        Matcher m = Pattern.compile("pi = ([0-9.]+)").matcher(run.stdout());
        assertTrue(m.find(), () -> "no 'pi = ' in the output: " + run);
        assertEquals(Math.PI, Double.parseDouble(m.group(1)), 1e-10, run::toString);
        assertEquals(WORKERS, run.taskHosts(), () -> "ranks did not run on both workers: " + run);
    }

    private static void checkMandelbrot(String mode) throws Exception {
        int width = 250;
        int height = 203; // rows not a multiple of the ranks
        Path pgm = OUT.resolve("mandelbrot-" + mode + ".pgm");
        Files.deleteIfExists(pgm);
        Run run = submit("mandelbrot-" + mode, mode, "Mandelbrot", "4", "" + width, "" + height, pgm.toString());
        assertEquals(0, run.exitCode(), () -> "Mandelbrot failed: " + run);
        assertEquals(WORKERS, run.taskHosts(), () -> "ranks did not run on both workers: " + run);
        Mandelbrot.Frame frame = Mandelbrot.Frame.course(width, height);
        assertArrayEquals(pgmPixels(Mandelbrot.rows(frame, 0, height), frame), readPgm(pgm, width, height),
                "the cluster's image differs from a one-process computation");
    }

    /** A binary PGM's pixels as {@code Mandelbrot} writes them: maxit minus the escape time. */
    private static byte[] pgmPixels(int[] image, Mandelbrot.Frame f) {
        byte[] pixels = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            pixels[i] = (byte) (f.maxit() - image[i]);
        }
        return pixels;
    }

    private static byte[] readPgm(Path pgm, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(pgm);
        String header = "P5\n" + width + " " + height + "\n";
        assertEquals(header, new String(bytes, 0, header.length(), StandardCharsets.US_ASCII), "PGM header");
        int start = header.length();
        while (bytes[start] != '\n') { // the maximum grey value's line
            start++;
        }
        start++;
        assertEquals(width * height, bytes.length - start, "PGM pixel count");
        return java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    }

    /**
     * Pi's intervals for a stage to kill an executor in and fail the job: seconds of computing per
     * rank even on a fast machine with a core per rank (about 1 ns an interval), so that the kill
     * lands while the ranks compute; the job fails at the kill and never runs them all.
     */
    static final String LONG_PI = "16000000000";

    /**
     * Returns once a barrier stage after the first (Pi's warm-up, which also starts the executors)
     * has run for 1.5 s without a task finishing: its ranks have met and compute.
     */
    static void waitForALongBarrierStage(Process job, Path stderr) throws Exception {
        waitForALongBarrierStage(job, stderr, 120, 1.5);
    }

    /**
     * As {@link #waitForALongBarrierStage(Process, Path)}, for at most {@code seconds}, once the
     * stage has run for {@code running} seconds.
     */
    static void waitForALongBarrierStage(Process job, Path stderr, int seconds, double running) throws Exception {
        Pattern scheduled = Pattern.compile("all the \\d+ tasks for barrier stage (\\d+)");
        String stage = null;
        long since = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (job.waitFor(100, TimeUnit.MILLISECONDS)) { // also the pause between two looks at the log
                String seen = stage == null ? "no barrier stage seen"
                        : String.format("barrier stage %s seen for %.1f s", stage, seconds(since));
                fail("the job ended before a barrier stage ran for " + running + " s (" + seen + "): "
                        + Files.readString(stderr));
            }
            String log = Files.readString(stderr);
            Matcher m = scheduled.matcher(log);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last != null && !last.equals(stage)) {
                stage = last;
                since = System.nanoTime();
            } else if (stage != null && seconds(since) > running && !finishedAny(log, stage)
                    && log.contains("Finished task")) {
                return;
            }
        }
        fail("no barrier stage ran for " + running + " s within " + seconds + " s: " + Files.readString(stderr));
    }

    private static boolean finishedAny(String log, String stage) {
        return Pattern.compile("Finished task \\S+ in stage " + stage + "\\.0").matcher(log).find();
    }

    private static Run submit(String label, String mode, String... classAndArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("submit", "--deploy-mode", mode));
        args.addAll(List.of(classAndArgs));
        Run run = script(label, args.toArray(String[]::new));
        System.out.printf("%s: %.1f s, exit code %d%n", label, run.seconds(), run.exitCode());
        return run;
    }

    /** Runs cluster.sh with the test's cluster settings; output kept in target/cluster-it-jobs. */
    private static Run script(String label, String... args) throws Exception {
        Path stdout = OUT.resolve(label + ".out");
        Path stderr = OUT.resolve(label + ".err");
        long t0 = System.nanoTime();
        Process p = start(stdout, stderr, args);
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("cluster.sh " + String.join(" ", args) + " did not end within 240 s; see " + stderr);
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr), seconds(t0));
    }

    private static Process start(Path stdout, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("CLUSTER_NAME", NAME);
        pb.environment().put("CLUSTER_NET", NET);
        pb.environment().put("CLUSTER_DIR", STATE.toString());
        return pb.start();
    }

    private static Run command(String label, List<String> command) throws Exception {
        Path stdout = OUT.resolve(label + ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " hung");
        return new Run(p.exitValue(), Files.readString(stdout), "", seconds(t0));
    }

    /** Processes whose command line mentions {@code text} (every JVM of the cluster names its state folder). */
    private static List<String> processesUsing(String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmdline.contains(text)) {
                        found.add(proc.getFileName() + ": " + cmdline.substring(0, Math.min(200, cmdline.length())));
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        }
        return found;
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
