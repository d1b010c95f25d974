package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The examples' fat jar on a real YARN cluster: Hadoop's MiniYARNCluster (a ResourceManager and two
 * NodeManagers in this JVM), executors in NodeManager containers (their own JVMs), submitted with
 * Spark's spark-submit ({@code --master yarn}) in client and in cluster deploy mode. The Spark it
 * runs is the build's own jars (this class path, as {@code spark.yarn.jars=local:...}): nothing is
 * downloaded. Skipped, saying why, where the cluster cannot start. Its tests run two at a time
 * (applications side by side on the cluster, as a shared YARN runs them): much of an application's
 * time is waiting for containers.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class YarnClusterIT {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path JAR = REPO.resolve("examples/target/mpi-on-spark-examples.jar");
    private static final Path OUT = REPO.resolve("examples/target/yarn-it");
    /** Where MiniYARNCluster keeps its NodeManagers' folders, container logs among them. */
    private static final Path WORK = REPO.resolve("examples/target/test/data/" + YarnClusterIT.class.getSimpleName());
    /** Jars of the test class path that are not Spark's: the test's own, and the YARN cluster's. */
    private static final List<String> NOT_SPARK = List.of("junit", "opentest4j", "apiguardian", "surefire",
            "failsafe", "hadoop-client-minicluster", "bcprov", "bcpkix", "mpi-on-spark", "mpionspark");

    private static MiniYARNCluster yarn;
    private static Path conf;
    private static List<String> sparkJars;

    /** A finished spark-submit: exit code, its stdout and stderr, the application's container logs. */
    record Run(int exitCode, String stdout, String stderr, String containerLogs, double seconds) {

        /** What the driver printed: spark-submit's stdout in client mode, the AM container's in cluster mode. */
        String driverOut(String mode) {
            return mode.equals("client") ? stdout : containerLogs;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + " after " + seconds + " s\n--- stdout\n" + stdout + "\n--- stderr (end)\n"
                    + stderr.substring(Math.max(0, stderr.length() - 6000)) + "\n--- container logs (end)\n"
                    + containerLogs.substring(Math.max(0, containerLogs.length() - 6000));
        }
    }

    @BeforeAll
    static void up() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is missing: build from the root (mvn -B verify)");
        Files.createDirectories(OUT);
        conf = Files.createDirectories(OUT.resolve("conf"));
        sparkJars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && NOT_SPARK.stream().noneMatch(e::contains)).toList();
        long t0 = System.nanoTime();
        try {
            yarn = new MiniYARNCluster(YarnClusterIT.class.getSimpleName(), 1, 2, 1, 1);
            yarn.init(yarnConf());
            yarn.start();
            YarnConfiguration started = new YarnConfiguration(yarn.getConfig());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // MiniYARNCluster may return from start() before the ResourceManager has its port
            while (started.get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0") && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // poll, bounded
                started = new YarnConfiguration(yarn.getConfig());
            }
            if (started.get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0")) {
                throw new IllegalStateException("the ResourceManager had no port 30 s after start()");
            }
            try (OutputStream out = Files.newOutputStream(conf.resolve("yarn-site.xml"))) {
                started.writeXml(out);
            }
        } catch (Exception | LinkageError e) {
            String why = "no YARN cluster here, MiniYARNCluster did not start: " + e;
            System.err.println("YarnClusterIT skipped: " + why); // failsafe reports a class skipped in @BeforeAll as 0 tests
            Assumptions.abort(why);
        }
        System.out.printf("YARN up in %.1f s: %s%n", seconds(t0), yarn.getConfig().get(YarnConfiguration.RM_ADDRESS));
    }

    @AfterAll
    static void down() {
        if (yarn != null) {
            yarn.stop();
        }
    }

    /**
     * The container sizes fit a 2-core machine: an executor of 2 cores and 512 MB (plus Spark's
     * 384 MB overhead) is one 1 GB container; the CapacityScheduler's settings stand in for the
     * capacity-scheduler.xml that hadoop-client-minicluster lacks (Spark's BaseYarnClusterSuite does so).
     */
    private static YarnConfiguration yarnConf() {
        YarnConfiguration c = new YarnConfiguration();
        c.set("yarn.scheduler.capacity.root.queues", "default");
        c.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        c.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
        c.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        c.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        c.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        c.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        c.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        c.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100.0");
        c.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        c.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
        c.setInt("yarn.nodemanager.resource.memory-mb", 4096);
        c.setInt("yarn.nodemanager.resource.cpu-vcores", 4);
        c.setInt("yarn.scheduler.minimum-allocation-mb", 256);
        c.setBoolean("yarn.minicluster.fixed.ports", false);
        return c;
    }

    /**
     * The checks in client mode, then a container killed while the ranks of a last, long stage
     * compute: with no retry the job fails naming a rank of the killed executor and its host.
     */
    @Test
    void everyCheckInClientModeThenAKilledContainerFailsTheJobNamingTheRankAndHost() throws Exception {
        Killed k = killAnExecutorMidStage("check-client-killed", List.of("--conf", "spark.mpi.stage.maxAttempts=1"), 1.5,
                "ClusterCheck", "4", StandaloneClusterIT.LONG_PI);
        Run run = k.run();
        checkAll("client", run);
        assertNotEquals(0, run.exitCode(), () -> "the job succeeded with a killed container: " + run);
        Matcher named = Pattern.compile("MpiRankFailedException: rank (\\d) of 4 failed: rank \\1 on host (\\S+) lost its "
                + "connection to the driver").matcher(run.stderr());
        assertTrue(named.find(), () -> "no error naming a rank and its host: " + run);
        assertTrue(Pattern.compile("Starting task \\S+ in stage \\S+ \\(TID \\d+\\) \\([^,]+,executor " + k.executor()
                + ", partition " + named.group(1) + ",").matcher(run.stderr()).find(),
                () -> "rank " + named.group(1) + " did not run in the killed executor " + k.executor() + ": " + run);
        assertTrue(java.net.NetworkInterface.getByInetAddress(java.net.InetAddress.getByName(named.group(2))) != null,
                () -> named.group(2) + " is not this machine's, where every container runs: " + run);
    }

    @Test
    void everyCheckInClusterMode() throws Exception {
        Run run = submit("check-cluster", "cluster", List.of(), "ClusterCheck", "4");
        assertEquals(0, run.exitCode(), () -> "ClusterCheck failed: " + run);
        checkAll("cluster", run);
    }

    /** Pi, even/odd communicators, Mandelbrot and a Dataset, with ranks in two containers, each rank's line in its container's log. */
    private static void checkAll(String mode, Run run) {
        String driver = run.driverOut(mode);
        Matcher pi = Pattern.compile("pi = ([0-9.]+)").matcher(driver);
        assertTrue(pi.find(), () -> "no 'pi = ' in the driver's output: " + run);
        assertEquals(Math.PI, Double.parseDouble(pi.group(1)), 1e-10, run::toString);
        for (String line : List.of(
                "[stdout:0] I am even process 0 of 2 (world rank 0); split: 0 of 2; world ranks here sum to 2",
                "[stdout:1] I am odd process 0 of 2 (world rank 1); split: 0 of 2; world ranks here sum to 4",
                "[stdout:2] I am even process 1 of 2 (world rank 2); split: 1 of 2; world ranks here sum to 2",
                "[stdout:3] I am odd process 1 of 2 (world rank 3); split: 1 of 2; world ranks here sum to 4",
                "mandelbrot 250x203 equals one process: true")) {
            assertTrue(driver.contains(line), () -> "no '" + line + "' in the driver's output: " + run);
        }
        Matcher fit = Pattern.compile("dataset rank (\\d): (\\d+) points, slope off Spark SQL's by ([0-9.e+-]+), "
                + "intercept by ([0-9.e+-]+)").matcher(driver);
        Set<String> fitted = new TreeSet<>();
        while (fit.find()) {
            fitted.add(fit.group(1));
            assertEquals("25000", fit.group(2), run::toString);
            assertTrue(Double.parseDouble(fit.group(3)) < 1e-9 && Double.parseDouble(fit.group(4)) < 1e-7, run::toString);
        }
        assertEquals(Set.of("0", "1", "2", "3"), fitted, () -> "not every rank's fit: " + run);
        Matcher placed = Pattern.compile("placement: rank (\\d) runs in executor (\\S+), container (\\S+), host")
                .matcher(driver);
        Set<String> containers = new TreeSet<>();
        while (placed.find()) {
            containers.add(placed.group(3));
            // the rank's own line, printed on the executor, is in that container's log (stdout)
            String own = "rank " + placed.group(1) + " runs in executor " + placed.group(2) + ", container "
                    + placed.group(3);
            assertTrue(run.containerLogs().contains(own), () -> "no '" + own + "' in the container logs: " + run);
        }
        assertTrue(containers.size() >= 2 && containers.stream().allMatch(c -> c.startsWith("container_")),
                () -> "the ranks were not in two YARN containers: " + containers + "\n" + run);
    }

    /**
     * As on standalone, {@code run} forms a fresh world on the executors YARN gives back and
     * finishes. The kill comes half a second into the stage; the ranks of the other executor, whose
     * loop has no MPI call to fail, give their slots back once they reach their allreduce. That
     * took 5 s a rank alone, but 20-30 s and more while the other cluster tests computed beside it
     * (2 cores), past the default spark.mpi.slots.waitTimeout of 30 s: the retry waits up to 150 s.
     */
    @Test
    void aKilledContainerIsOutlivedByRunningTheStageAgain() throws Exception {
        Run run = killAnExecutorMidStage("retried", List.of("--conf", "spark.mpi.slots.waitTimeout=150s"), 0.5, "Pi",
                "4", "6000000000").run();
        assertEquals(0, run.exitCode(), () -> "the job did not survive a killed container: " + run);
        Matcher pi = Pattern.compile("pi = ([0-9.]+)").matcher(run.stdout());
        assertTrue(pi.find(), () -> "no 'pi = ' in the output: " + run);
        assertEquals(Math.PI, Double.parseDouble(pi.group(1)), 1e-9, run::toString);
        assertTrue(run.stderr().contains("failed on attempt 1 of"), () -> "no retry in the log: " + run);
    }

    /**
     * An application in client mode whose last stage is long enough to kill one executor's
     * container (its JVM) while the ranks compute, once it has run {@code running} seconds; its
     * stdout says when that stage comes ("long stage", ClusterCheck) unless it has only one long
     * stage (Pi).
     */
    private static Killed killAnExecutorMidStage(String label, List<String> settings, double running,
                                                 String... classAndArgs)
            throws Exception {
        String executorId;
        Path stdout = OUT.resolve(label + ".out");
        Path stderr = OUT.resolve(label + ".err");
        Process job = start(stdout, stderr, "client", settings, classAndArgs);
        long t0 = System.nanoTime();
        try {
            if (classAndArgs[0].equals("ClusterCheck")) {
                awaitLine(job, stdout, "long stage: ");
            }
            StandaloneClusterIT.waitForALongBarrierStage(job, stderr, 240, running); // YARN starts the executors meanwhile
            ProcessHandle executor = executorOf(appId(Files.readString(stderr)));
            Matcher id = Pattern.compile("--executor-id (\\d+)").matcher(executor.info().commandLine().orElse(""));
            assertTrue(id.find() && executor.destroyForcibly(), "could not kill " + executor.info());
            executorId = id.group(1);
            assertTrue(job.waitFor(300, TimeUnit.SECONDS), "the job did not end within 300 s of the kill");
        } finally {
            job.destroyForcibly();
        }
        String err = Files.readString(stderr);
        Run run = new Run(job.exitValue(), Files.readString(stdout), err, containerLogs(appId(err)), seconds(t0));
        System.out.printf("%s: %.1f s, exit code %d%n", label, run.seconds(), run.exitCode());
        return new Killed(run, executorId);
    }

    /** Waits, at most 240 s, until the job prints a line starting with {@code start}. */
    private static void awaitLine(Process job, Path stdout, String start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (new String(Files.readAllBytes(stdout), java.nio.charset.StandardCharsets.UTF_8).lines()
                .noneMatch(l -> l.startsWith(start))) {
            if (job.waitFor(100, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) { // also the pause between looks
                fail("no '" + start + "' line from the job within 240 s: " + Files.readString(stdout));
            }
        }
    }

    /** A job with one executor killed, and that executor's id. */
    record Killed(Run run, String executor) {
    }

    /** One executor JVM of the application (YARN names the application in the container's command line). */
    private static ProcessHandle executorOf(String appId) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("YarnCoarseGrainedExecutorBackend")
                        && c.contains(appId)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no executor process of " + appId));
    }

    private static String appId(String submitLog) {
        Matcher m = Pattern.compile("(application_\\d+_\\d+)").matcher(submitLog);
        if (!m.find()) {
            fail("no application id in spark-submit's log:\n" + submitLog);
        }
        return m.group(1);
    }

    /** Every container log file (stdout, stderr) of the application, each under a header naming it. */
    private static String containerLogs(String appId) throws IOException {
        Path work = WORK;
        if (!Files.isDirectory(work)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(work)) {
            List<Path> logs = files.filter(p -> p.toString().contains("-logDir-") && p.toString().contains(appId)
                    && (p.endsWith("stdout") || p.endsWith("stderr"))).sorted().toList();
            StringBuilder all = new StringBuilder();
            for (Path log : logs) {
                all.append("==> ").append(log.getParent().getFileName()).append('/').append(log.getFileName()).append('\n')
                        .append(new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
            return all.toString();
        }
    }

    private static Run submit(String label, String mode, List<String> settings, String... classAndArgs)
            throws Exception {
        Path stdout = OUT.resolve(label + ".out");
        Path stderr = OUT.resolve(label + ".err");
        long t0 = System.nanoTime();
        Process p = start(stdout, stderr, mode, settings, classAndArgs);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(label + " did not end within 300 s; see " + stderr);
        }
        String err = Files.readString(stderr);
        Run run = new Run(p.exitValue(), Files.readString(stdout), err, containerLogs(appId(err)), seconds(t0));
        System.out.printf("%s: %.1f s, exit code %d%n", label, run.seconds(), run.exitCode());
        return run;
    }

    /** spark-submit (org.apache.spark.deploy.SparkSubmit on the build's Spark jars) to the YARN cluster. */
    private static Process start(Path stdout, Path stderr, String mode, List<String> settings, String... classAndArgs)
            throws IOException {
        String cp = String.join(File.pathSeparator, sparkJars);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", conf + File.pathSeparator + cp));
        command.addAll(OPENS);
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", "yarn", "--deploy-mode", mode,
                "--conf", "spark.yarn.jars=" + sparkJars.stream().map(j -> "local:" + j).collect(Collectors.joining(",")),
                "--conf", "spark.yarn.stagingDir=" + OUT.resolve("staging").toUri(),
                "--conf", "spark.executor.instances=2", "--conf", "spark.executor.cores=2",
                "--conf", "spark.executor.memory=512m", "--conf", "spark.driver.memory=512m",
                "--conf", "spark.yarn.am.memory=512m", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.yarn.submit.waitAppCompletion=true",
                "--conf", "spark.yarn.report.interval=500ms"));
        command.addAll(settings);
        command.addAll(List.of("--class", "org.mpionspark.examples." + classAndArgs[0], JAR.toString()));
        command.addAll(List.of(classAndArgs).subList(1, classAndArgs.length));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("HADOOP_CONF_DIR", conf.toString());
        pb.environment().put("SPARK_HOME", REPO.resolve("mpi-on-spark/target/spark-home").toString());
        return pb.start();
    }

    /** What Spark on Java 17 needs opened, as this JVM has it (the parent pom's spark.java.opens). */
    private static final List<String> OPENS = java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
            .toList();

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
