package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/**
 * The report's {@code cluster} master ({@code cluster[N]}: N workers, 2 by default): the namespace
 * cluster of {@code build-support/cluster.sh}, brought up for the run (and down after it, also on
 * failure) or used as it is when up. {@link ClusterRun} is submitted with spark-submit from the
 * driver's namespace; Open MPI runs across the same namespaces before and after it (the better
 * median kept), on 1 and 2 ranks per worker.
 */
final class ClusterSection {

    /** Where the report says what happened to this master. */
    static final String SECTION = "cluster";
    /** How the report's master names begin for this master. */
    static final String LABEL = "namespace cluster, ";
    private static final Pattern SPEC = Pattern.compile("cluster(?:\\[(\\d{1,3})])?");
    private static final List<String> SECTIONS = List.of(AllreduceSection.SECTION, CollectivesOnRanks.BCAST,
            CollectivesOnRanks.BARRIER, PingPongSection.SECTION, StageSection.SECTION);

    private ClusterSection() {
    }

    /** Whether a {@code --masters} entry names this master: {@code cluster} or {@code cluster[N]}. */
    static boolean names(String master) {
        return SPEC.matcher(master).matches();
    }

    /** The number of workers {@code cluster[N]} asks for; {@code cluster}: WORKERS, else 2. */
    static int workers(String spec, String workersSetting) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a cluster master: " + spec + " (cluster or cluster[N], N workers)");
        }
        String n = m.group(1) != null ? m.group(1) : workersSetting != null && !workersSetting.isBlank() ? workersSetting : "2";
        int w = Integer.parseInt(n.strip());
        if (w < 2 || w > 200) {
            throw new IllegalArgumentException(spec + ": the namespace cluster needs 2 to 200 workers (ping-pong "
                    + "between two of them), not " + w);
        }
        return w;
    }

    /** How the report names the cluster's measurements. */
    static String label(int workers) {
        return LABEL + workers + " workers";
    }

    static void measure(Profile p, String spec, Path module, NativeMpi nativeMpi, Results results) throws IOException {
        int requested = workers(spec, System.getenv("WORKERS"));
        NamespaceCluster cluster = new NamespaceCluster(module.getParent(), module);
        Path logs = module.resolve("target/cluster-logs"); // the report folder holds only the report
        String why = cluster.whyNot();
        if (why != null) {
            String line = "the cluster master is not measured: network namespaces cannot be made here (" + why + ")";
            System.err.println(line);
            results.note(SECTION, line);
            return;
        }
        boolean mine = !cluster.isUp();
        Thread downOnExit = new Thread(() -> downQuietly(cluster, logs.resolve("down-on-exit.log")));
        if (mine) {
            Runtime.getRuntime().addShutdownHook(downOnExit); // Ctrl-C, or the JVM ended otherwise
            System.out.printf("cluster: up with %d workers (cluster.sh up %d; logs in %s)%n", requested, requested, logs);
            try {
                cluster.up(requested, logs.resolve("up.log"));
            } catch (IOException e) {
                String line = "the cluster master is not measured: cluster.sh up " + requested + " failed (it removes "
                        + "what it made); see " + logs.resolve("up.log");
                System.err.println(line + "\n" + e.getMessage());
                results.note(SECTION, line);
                return;
            }
        }
        try {
            int workers = cluster.workers();
            if (!mine && workers != requested) {
                results.note(SECTION, "the cluster was up already, with " + workers + " workers (" + requested + " asked for)");
            }
            measure(p, cluster, workers, module, nativeMpi, results, logs);
        } finally {
            if (mine) {
                cluster.down(logs.resolve("down.log"));
                Runtime.getRuntime().removeShutdownHook(downOnExit);
            }
        }
    }

    private static void measure(Profile p, NamespaceCluster cluster, int workers, Path module, NativeMpi nativeMpi,
                                Results results, Path logs) throws IOException {
        String label = label(workers);
        int[] ranks = {workers, 2 * workers};
        NativeMpi across = nativeMpi.available() ? nativeMpi.launchedBy(label, n -> cluster.mpirun(n, workers)) : null;
        List<Measurement> before = openMpi(p, across, ranks, results);

        List<Path> jars = ShippedJars.of(System.getProperty("java.class.path"), module.getParent(), logs.resolve("jars"));
        for (int perWorker = 1; perWorker <= 2; perWorker++) {
            submit(p, cluster, workers, perWorker, jars, label, results, logs);
        }
        results.addAll(NativeMpi.better(before, openMpi(p, across, ranks, results)));
    }

    /**
     * One application per number of ranks a worker runs: executors of that many cores, one on each
     * worker, so that Spark can only place the ranks evenly (it fills whichever executor offers
     * first where it may). Ping-pong runs with one rank per executor.
     */
    private static void submit(Profile p, NamespaceCluster cluster, int workers, int perWorker, List<Path> jars,
                               String label, Results results, Path logs) throws IOException {
        Path tsv = logs.resolve("cluster-run-" + perWorker + ".tsv");
        Path log = logs.resolve("cluster-run-" + perWorker + ".log");
        Files.deleteIfExists(tsv);
        List<String> args = new ArrayList<>(List.of("--jar", jars.get(0).toString(), "--executor-memory", "1536m",
                "--executor-cores", Integer.toString(perWorker), "--total-executor-cores", Integer.toString(perWorker * workers)));
        if (jars.size() > 1) {
            args.addAll(List.of("--jars", jars.subList(1, jars.size()).stream().map(Path::toString).collect(Collectors.joining(","))));
        }
        List<String> parts = p.parts().stream().filter(x -> perWorker == 1 || !x.equals(PingPongSection.SECTION)).toList();
        args.addAll(List.of(ClusterRun.class.getName(), tsv.toString(), Integer.toString(workers),
                Integer.toString(perWorker * workers), Arrays.stream(p.sizes()).mapToObj(Long::toString)
                        .collect(Collectors.joining(",")), Integer.toString(p.reps()), String.join(",", parts)));
        System.out.printf("cluster: spark-submit %s, %d rank(s) per worker (driver's output in %s)%n",
                ClusterRun.class.getSimpleName(), perWorker, log);
        int rc = cluster.submit(args, log, 60);
        if (Files.exists(tsv)) {
            relabel(Results.readTsv(tsv).getKey(), label, results);
        }
        if (rc != 0) {
            String line = "the cluster run with " + perWorker + " rank(s) per worker failed (spark-submit exited with "
                    + rc + "); what it measured before is kept; its log: " + log;
            System.err.println(line + "\n" + NamespaceCluster.tail(log));
            results.note(SECTION, line);
        }
    }

    /** Open MPI across the workers: allreduce, bcast, barrier at every rank count; ping-pong between two workers. */
    private static List<Measurement> openMpi(Profile p, NativeMpi across, int[] ranks, Results results) {
        List<Measurement> out = new ArrayList<>();
        if (across == null) {
            return out;
        }
        int reps = Math.max(10, p.reps());
        int warmup = RankTimes.warmup(reps);
        try {
            if (p.has("allreduce")) {
                for (int n : ranks) {
                    System.out.printf("cluster: Open MPI, %d ranks%n", n);
                    out.addAll(across.allreduce(n, p.sizes(), reps, warmup));
                    out.addAll(across.bcast(n, p.sizes(), reps, warmup));
                    out.addAll(across.barrier(n, reps, warmup));
                }
            }
            if (p.has("pingpong")) {
                out.addAll(PingPongSection.nativeRun(p.sizes(), p.reps(), across));
            }
        } catch (IOException e) {
            results.note(SECTION, "Open MPI across the namespaces failed: " + e.getMessage().lines().findFirst().orElse(""));
            System.err.println("cluster: Open MPI failed: " + e.getMessage());
        }
        return out;
    }

    /** The cluster run's measurements and notes under {@code label} instead of the master URL. */
    static void relabel(Results run, String label, Results into) {
        for (Measurement m : run.where(x -> true)) {
            into.add(new Measurement(m.section(), m.method(), label + m.master().replaceFirst("^spark://[^,]*", ""),
                    m.ranks(), m.bytes(), m.medianMs(), m.minMs(), m.maxMs(), m.reps()));
        }
        for (String section : SECTIONS) {
            run.notes(section).forEach(n -> into.note(section, n.replaceAll("spark://[^ ,:]*:\\d+", label)));
        }
    }

    private static void downQuietly(NamespaceCluster cluster, Path log) {
        try {
            cluster.down(log); // safe to repeat, and also removes what an interrupted up made
        } catch (IOException | RuntimeException e) {
            System.err.println("cluster: down failed: " + e.getMessage());
        }
    }
}
