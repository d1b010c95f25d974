package org.mpionspark.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;

/** The cluster master's pieces that need no cluster: its name, the relabelled results, mpirun's command, the jars shipped. */
@Timeout(60) // one test runs a (fake) cluster.sh
class ClusterSectionTest {

    @Test
    void theMasterNamesItsWorkers() {
        assertTrue(ClusterSection.names("cluster"));
        assertTrue(ClusterSection.names("cluster[4]"));
        assertFalse(ClusterSection.names("local-cluster"));
        assertFalse(ClusterSection.names("local-cluster[2,2,3072]"));
        assertEquals(4, ClusterSection.workers("cluster[4]", "8"));
        assertEquals(8, ClusterSection.workers("cluster", "8"));
        assertEquals(2, ClusterSection.workers("cluster", null));
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> ClusterSection.workers("cluster[1]", null));
        assertEquals("cluster[1]: the namespace cluster needs 2 to 200 workers (ping-pong between two of them), not 1",
                one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterSection.workers("local", null));
    }

    @Test
    void theClusterRunsResultsTakeTheClustersNameInsteadOfItsMasterUrl() {
        Results run = new Results();
        run.add(new Measurement("allreduce", "ours (auto)", "spark://10.214.0.10:7077", 4, 8, 1.5, 1, 2, 10));
        run.add(new Measurement("stages", "empty SPMD stage", "spark://10.214.0.10:7077, memory path off", 4, 0, 500, 400, 600, 5));
        run.note("allreduce", "MPJ Express's own Allreduce not measured on spark://10.214.0.10:7077: ranks share a JVM");
        Results into = new Results();
        ClusterSection.relabel(run, ClusterSection.label(2), into);
        assertEquals(List.of("namespace cluster, 2 workers", "namespace cluster, 2 workers, memory path off"),
                into.where(m -> true).stream().map(Measurement::master).toList());
        assertEquals(1.5, into.find("allreduce", "ours (auto)", "namespace cluster, 2 workers", 4, 8).orElseThrow().medianMs());
        assertEquals(List.of("MPJ Express's own Allreduce not measured on namespace cluster, 2 workers: ranks share a JVM"),
                into.notes("allreduce"));
    }

    @Test
    void openMpiRanksGoRoundRobinOverTheWorkersWithTheClustersSettings() {
        List<String> cmd = new NamespaceCluster(Path.of("/repo"), Path.of("/repo/benchmarks")).mpirun(3, 2);
        assertEquals(List.of("bash", "/repo/build-support/cluster.sh", "mpirun", "--per-worker", "2", "--np", "3"),
                cmd.subList(cmd.size() - 7, cmd.size()));
        assertEquals(List.of("env", "-u", "WORKERS"), cmd.subList(0, 3));
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("CLUSTER_NAME=")), cmd.toString());
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("SPARK_JARS=")), cmd.toString());
    }

    @Test
    void shipsTheProjectsClassesAsJarsWithTheBenchmarksFirstAndNotSpark(@TempDir Path tmp) throws Exception {
        Path classes = Path.of(ClusterRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path repo = classes.getParent().getParent().getParent(); // benchmarks/target/classes
        Path kryo = Files.writeString(tmp.resolve("kryo5-5.6.2.jar"), "not read");
        Path spark = Files.writeString(tmp.resolve("spark-core_2.13-4.2.0.jar"), "not read");
        String cp = String.join(java.io.File.pathSeparator, spark.toString(), kryo.toString(), classes.toString(),
                repo.resolve("bridge/target/no-such.jar").toString());
        List<Path> jars = ShippedJars.of(cp, repo, tmp.resolve("jars"));
        assertEquals(List.of(tmp.resolve("jars/benchmarks-target-classes.jar"), kryo), jars);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            assertTrue(jar.getEntry("org/mpionspark/benchmarks/ClusterRun.class") != null, "ClusterRun is in " + jar.getName());
        }
    }

    @Test
    void openMpisTwoRunsKeepTheBetterMedianOfEachSectionAndSize() {
        Measurement bcastBefore = new Measurement("bcast", NativeMpi.METHOD, "c", 4, 8, 2, 1, 3, 10);
        Measurement allreduceBefore = new Measurement("allreduce", NativeMpi.METHOD, "c", 4, 8, 5, 1, 9, 10);
        Measurement bcastAfter = new Measurement("bcast", NativeMpi.METHOD, "c", 4, 8, 1, 1, 3, 10);
        Measurement allreduceAfter = new Measurement("allreduce", NativeMpi.METHOD, "c", 4, 8, 7, 1, 9, 10);
        assertEquals(List.of(bcastAfter, allreduceBefore), NativeMpi.better(List.of(bcastBefore, allreduceBefore),
                List.of(allreduceAfter, bcastAfter)));
    }

    @Test
    void whereNamespacesCannotBeMadeTheReportSaysWhyAndMeasuresNothingThere(@TempDir Path repo) throws Exception {
        Path script = repo.resolve("build-support/cluster.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "[ \"$1\" = check ] || { echo \"called with $*\" >&2; exit 3; }\n"
                + "echo '[cluster] network namespaces need root (ip netns)' >&2; exit 1\n");
        Path module = repo.resolve("benchmarks");
        Files.createDirectories(module.resolve("native"));
        Files.writeString(module.resolve("native/install-native-mpi.sh"), "echo 'no Open MPI here' >&2; exit 1\n");
        Results results = new Results();
        Profile p = Profile.parse(new String[] {"tiny", "--masters", "cluster", "--out", repo.resolve("out").toString()}, repo);
        ClusterSection.measure(p, "cluster", module, NativeMpi.prepare(module), results);
        assertEquals(List.of("the cluster master is not measured: network namespaces cannot be made here "
                + "(network namespaces need root (ip netns))"), results.notes(ClusterSection.SECTION));
        assertTrue(results.where(m -> true).isEmpty());
        assertTrue(new ClusterTables(results).markdown().contains("network namespaces need root"));
    }
}
