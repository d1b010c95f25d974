package org.mpionspark.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/**
 * The benchmark report in one command: allreduce, ping-pong, stage overhead, strong scaling and
 * k-means, each beside its pure-Spark and native-MPI peers measured in the same run, written as
 * {@code report/REPORT.md} with PNG plots. What it measures is whatever the bridge does at run time.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am -Drun=Report                      # quick: under 10 min on 2 cores
 * mvn -B -q package -DskipTests -pl benchmarks -am -Drun=Report -Drun.args="long --ranks 2,4,8,16 --sizes 8,64k,8m,64m"
 * </pre>
 * See {@link Profile} for the options; {@code -Drun.args="--replot [DIR]"} draws the report and plots
 * again from the medians a run saved ({@code DIR/results.tsv}), measuring nothing.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--replot")) { // --replot [DIR]: the report again from DIR/results.tsv
            Path dir = args.length > 1 ? Path.of(args[1]) : moduleDir().resolve("report");
            var saved = Results.readTsv(dir.resolve("results.tsv"));
            System.out.println("report written to " + new ReportWriter(saved.getKey()).write(dir, saved.getValue()));
            return;
        }
        long start = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        Path module = moduleDir();
        Profile p = Profile.parse(args, module.resolve("report"));
        System.out.println("mpi-on-spark benchmark report, " + p.describe());
        Results results = new Results();
        NativeMpi nativeMpi = NativeMpi.prepare(module);
        String nativeLine = nativeLine(p, nativeMpi);
        System.out.println(nativeLine);
        if (!nativeMpi.available()) {
            results.note(AllreduceSection.SECTION, nativeLine);
        }

        if (p.has("localworld")) {
            progress(start, "JMH, local world");
            JmhSection.measure(p, results);
        }
        boolean first = true;
        for (String master : p.masters()) {
            if (ClusterSection.names(master)) { // its own Spark application, submitted to the namespace cluster
                progress(start, master);
                ClusterSection.measure(p, master, module, nativeMpi, results);
                continue;
            }
            try (JavaSparkContext jsc = new JavaSparkContext(conf(p.masterUrl(master)))) {
                Ranks spark = Ranks.spark(jsc);
                progress(start, master);
                if (p.has("stages")) {
                    StageSection.measure(jsc, 4, p.reps(), results);
                }
                if (p.has("allreduce")) {
                    AllreduceSection section = new AllreduceSection(spark, jsc, first ? nativeMpi : null, results);
                    for (int n : first || !p.name().equals("quick") ? p.ranks() : new int[] {p.maxRanks()}) {
                        for (long b : p.sizes()) {
                            section.measure(n, b, p.reps());
                        }
                    }
                }
                if (p.has("allreduce")) { // the MPJ Express path too (as before the memory path), with MPJ's own Allreduce beside ours
                    progress(start, master + ", memory path off");
                    AllreduceSection overMpj = new AllreduceSection(Ranks.spark(jsc, Ranks.Path.OVER_MPJ), null, null, results);
                    for (long b : p.sizes()) {
                        overMpj.measure(p.maxRanks(), b, p.reps());
                    }
                }
                if (p.has("pingpong")) {
                    progress(start, "ping-pong");
                    NativeMpi peer = first ? nativeMpi : null;
                    List<Measurement> before = PingPongSection.nativeRun(p.sizes(), p.reps(), peer);
                    PingPongSection.ranks(spark, p.sizes(), p.reps(), results);
                    if (first) {
                        PingPongSection.ranks(Ranks.spark(jsc, Ranks.Path.OVER_MPJ), p.sizes(), p.reps(), results);
                    }
                    if (!jsc.sc().isLocal()) { // executor JVMs: the wire between them, on lanes and on MPJ Express's own
                        PingPongSection.ranks(Ranks.spark(jsc, Ranks.Path.LANES_OFF), p.sizes(), p.reps(), results);
                    }
                    results.addAll(NativeMpi.better(before, PingPongSection.nativeRun(p.sizes(), p.reps(), peer)));
                }
                if (p.has("scaling") && first) {
                    progress(start, "scaling");
                    ScalingSection.measure(spark, new int[] {1, 2, 4}, p.piIntervals(), 3, results);
                }
                if (p.has("kmeans")) {
                    progress(start, "k-means");
                    KMeansSection.measure(jsc, 4, p.points(), p.iterations(), p.name().equals("long") ? 5 : 3, results);
                }
            }
            first = false;
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String header = header(p, nativeLine, minutes, loadBefore, Machine.loadAverage());
        Path report = new ReportWriter(results).write(p.out(), header);
        System.out.printf("report written to %s in %.1f minutes%n", report.toAbsolutePath(), minutes);
    }

    private static void progress(long start, String what) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[%d:%02d] %s%n", s / 60, s % 60, what);
    }

    /** How Open MPI ran: on this machine for local masters, across the namespaces for a cluster master, or both. */
    private static String nativeLine(Profile p, NativeMpi nativeMpi) {
        if (!nativeMpi.available()) {
            return "native MPI: not available (" + nativeMpi.why() + ")";
        }
        boolean cluster = p.masters().stream().anyMatch(ClusterSection::names);
        boolean local = p.masters().stream().anyMatch(m -> !ClusterSection.names(m));
        String where = (local ? "`mpiexec --oversubscribe` on this machine, between our own measurements" : "")
                + (local && cluster ? "; " : "")
                + (cluster ? "`mpirun` across the cluster's worker namespaces (`build-support/cluster.sh mpirun`, "
                        + "TCP over the same network as the executors), in the same run as ours" : "");
        return "Open MPI " + nativeMpi.version() + " through mpi4py (Debian's openmpi-bin, python3-mpi4py), " + where;
    }

    private static String header(Profile p, String nativeLine, double minutes, String loadBefore, String loadAfter) {
        return "# mpi-on-spark benchmark report\n\n"
                + "Written by `Report` (benchmarks module) on " + LocalDate.now() + " in " + String.format("%.1f", minutes)
                + " minutes. Medians; every peer measured in this same run, alternating after warm-up.\n\n"
                + "- machine: " + Machine.describe() + "; load average (1, 5, 15 min) " + loadBefore
                + " at the start, " + loadAfter + " at the end (other work shares these cores)\n"
                + "- Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", MPJ Express 0.44 (niodev) under our API\n"
                + "- native: " + nativeLine + "\n"
                + "- " + p.describe() + "\n\n";
    }

    private static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("mpi-on-spark benchmark report").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.maxResultSize", "2g")
                .set("spark.mpi.slots.waitTimeout", "120s");
        if (master.startsWith("local-cluster")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.memory", "2560m");
        }
        return conf;
    }

    /** The benchmarks module's folder: this one, or benchmarks/ under it (the folder holding native/). */
    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("native")) ? here : here.resolve("benchmarks");
    }
}
