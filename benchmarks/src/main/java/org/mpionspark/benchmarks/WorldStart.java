package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.spark.JavaMpiContext;

/**
 * What a world costs to start across executor JVMs, as ranks grow on a fixed set of JVMs: an empty
 * SPMD stage beside an empty barrier stage of plain Spark (medians, alternating after a first of
 * each), and the sockets each executor JVM holds while the world is up. Arguments: the master
 * (default {@code local-cluster[8,8,1024]}), then the rank counts (default 16, 32, 64).
 */
public final class WorldStart {

    private WorldStart() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local-cluster[8,8,1024]";
        int[] ranks = args.length > 1 ? Stream.of(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 32, 64};
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SparkConf conf = new SparkConf().setAppName("world start").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.mpi.slots.waitTimeout", "180s")
                .set("spark.mpi.rendezvous.timeout", "180s");
        if (master.startsWith("local-cluster")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            for (int n : ranks) {
                List<Integer> seeds = IntStream.range(0, n).boxed().toList();
                double[][] ms = SparkBaseline.alternate(reps, 1, List.of(
                        () -> jsc.parallelize(seeds, n).rdd().barrier().mapPartitions(new StageSection.Identity<>(),
                                false, scala.reflect.ClassTag$.MODULE$.apply(Integer.class)).count(),
                        () -> mpi.run(n, Communicator::rank)));
                Map<Long, Integer> socketsPerJvm = new TreeMap<>();
                for (long[] pidSockets : mpi.run(n, comm -> {
                    comm.barrier(); // every rank's connections are up
                    long[] mine = {ProcessHandle.current().pid(), sockets()};
                    comm.barrier();
                    return mine;
                })) {
                    socketsPerJvm.merge(pidSockets[0], (int) pidSockets[1], Math::max);
                }
                System.out.printf("%s, %d ranks on %d JVMs: empty SPMD stage %.0f ms, empty barrier stage %.0f ms "
                                + "(ratio %.2f); sockets per executor JVM %s%n", master, n, socketsPerJvm.size(),
                        median(ms[1]), median(ms[0]), median(ms[1]) / median(ms[0]), socketsPerJvm.values());
            }
        }
    }

    /** The sockets this JVM holds open now (Linux: links in /proc/self/fd). */
    static int sockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static double median(double[] ms) {
        double[] s = ms.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
