package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.mpi.Op;

/**
 * SPMD stages on {@code local-cluster[2,2,1024]}: two worker processes, each an executor JVM with
 * two task slots, so the four ranks of a world span two JVMs and talk over TCP between them.
 */
@Timeout(300)
class SpmdLocalClusterTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = SparkSessions.localCluster(2, 2);
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void fourRanksAcrossTwoExecutorJvmsExchangeAndReduce() {
        String driverJvm = ManagementFactory.getRuntimeMXBean().getName();
        List<String> out = mpi.run(4, comm -> {
            double[] v = new double[100_000];
            java.util.Arrays.fill(v, comm.rank() + 1);
            comm.allreduce(v, v, Op.SUM);
            String jvm = ManagementFactory.getRuntimeMXBean().getName();
            String[] all = new String[comm.size()];
            for (int r = 0; r < comm.size(); r++) {
                all[r] = comm.bcastObject(jvm, r);
            }
            return v[0] + "," + v[v.length - 1] + "|" + jvm + "|" + String.join(";", all);
        });
        Set<String> jvms = new HashSet<>();
        for (String row : out) {
            String[] parts = row.split("\\|");
            assertEquals("10.0,10.0", parts[0]);
            jvms.add(parts[1]);
            assertEquals(out.get(0).split("\\|")[2], parts[2], "every rank saw the same JVM table");
        }
        assertEquals(2, jvms.size(), "ranks ran in two executor JVMs: " + jvms);
        assertTrue(!jvms.contains(driverJvm), "no rank ran in the driver JVM");
    }

    /**
     * Two ranks per executor JVM: each pair reduces in memory, the two leaders over MPJ Express
     * (two-level), and every rank ends with the same bits, close to a sum in rank order.
     */
    @Test
    void aTwoLevelAllreduceAcrossTwoExecutorJvmsGivesEveryRankTheSameRightBits() {
        int[] sizes = {1, 1_000, 300_000};
        List<String> out = mpi.run(4, comm -> {
            StringBuilder s = new StringBuilder();
            for (int n : sizes) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Math.sin(comm.rank() * 7.0 + i) * 1e3;
                }
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, v, Op.SUM);
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    double expected = 0;
                    for (int r = 0; r < comm.size(); r++) {
                        expected += Math.sin(r * 7.0 + i) * 1e3;
                    }
                    worst = Math.max(worst, Math.abs(v[i] - expected));
                }
                long[] m = {comm.rank() * 1000L + n};
                comm.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, m, Op.MIN);
                s.append(n).append(": bits ").append(java.util.Arrays.hashCode(v)).append(worst < 1e-9 ? " close" : " off by " + worst)
                        .append(" min ").append(m[0]).append("; ");
            }
            return s.toString();
        });
        assertEquals(4, out.size());
        for (String row : out) {
            assertEquals(out.get(0), row, "every rank holds the same bits");
            for (int n : sizes) {
                assertTrue(row.contains(n + ": bits ") && row.contains(" close min " + n + ";"), row);
            }
        }
    }

    @Test
    void aSessionsRanksKeepTheirVariablesInTwoExecutorJvms() {
        String driverJvm = ManagementFactory.getRuntimeMXBean().getName();
        try (MpiSession px = mpi.session(4)) {
            CellResult<String> first = px.runWithOutput((comm, state) -> {
                state.put("jvm", ManagementFactory.getRuntimeMXBean().getName());
                System.out.println("rank " + comm.rank() + " here");
                return state.get("jvm");
            });
            assertEquals(2, new HashSet<>(first.values()).size(), "ranks in two executor JVMs: " + first.values());
            assertTrue(!first.values().contains(driverJvm), "no rank in the driver JVM");
            assertEquals("[stdout:0] rank 0 here\n[stdout:1] rank 1 here\n[stdout:2] rank 2 here\n[stdout:3] rank 3 here\n",
                    first.formatted());
            List<String> again = px.run((comm, state) -> {
                String[] all = {state.get("jvm")};
                return comm.allgatherObject(all[0]).toString();
            });
            assertEquals(first.values().toString(), again.get(3));
        }
    }

    @Test
    void kryoValuesTravelBetweenExecutorJvmsAndBackToTheDriver() {
        List<KryoValues.Reading> readings = mpi.run(4, KryoValues::exchange);
        assertEquals(java.util.stream.IntStream.range(0, 4).mapToObj(r -> KryoValues.expected(r, 4)).toList(), readings);

        org.apache.spark.api.java.JavaRDD<Integer> data = jsc.parallelize(java.util.stream.IntStream.range(0, 8)
                .boxed().toList(), 4);
        org.apache.spark.api.java.JavaRDD<KryoValues.Reading> out = mpi.mapPartitions(data, (comm, part) -> {
            KryoValues.Reading r = KryoValues.exchange(comm);
            List<KryoValues.Reading> rows = new java.util.ArrayList<>();
            part.forEachRemaining(x -> rows.add(new KryoValues.Reading(x, r.values(), r.steps())));
            return rows.iterator();
        });
        List<KryoValues.Reading> got = out.collect();
        assertEquals(8, got.size());
        for (int x = 0; x < 8; x++) {
            KryoValues.Reading e = KryoValues.expected(x / 2, 4);
            assertEquals(new KryoValues.Reading(x, e.values(), e.steps()), got.get(x));
        }
        assertEquals(List.of("0:2", "1:2", "2:2", "3:2", "4:2", "5:2", "6:2", "7:2"),
                out.map(r -> r.rank() + ":" + r.steps().size()).collect());
    }

    @Test
    void aClassFromAJarAddedToSparkTravelsBetweenRanks() throws Exception {
        // under target/, not a per-test temporary folder: executors started later (after the tests that
        // kill one) fetch every jar added to the context, for as long as it lives
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "spmd-user-jar"));
        jsc.addJar(userJar(dir, "com.example.spmd.Sample",
                "package com.example.spmd; public record Sample(int rank, java.util.List<String> words) {}").toString());
        List<String> out = mpi.run(4, comm -> {
            Class<?> type = Class.forName("com.example.spmd.Sample", true, Thread.currentThread().getContextClassLoader());
            Object mine = type.getConstructors()[0].newInstance(comm.rank(), List.of("w" + comm.rank()));
            Object got = comm.sendrecvObject(mine, (comm.rank() + 1) % 4, 0, (comm.rank() + 3) % 4, 0);
            return got.getClass().getName() + " " + got;
        });
        for (int r = 0; r < 4; r++) {
            int from = (r + 3) % 4;
            assertEquals("com.example.spmd.Sample Sample[rank=" + from + ", words=[w" + from + "]]", out.get(r));
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.spmd.Sample"));
    }

    /** A jar of {@code source} in {@code dir}, compiled now: a class only the executors' loaders see, once added to Spark. */
    private static java.nio.file.Path userJar(java.nio.file.Path dir, String className, String source) throws Exception {
        java.nio.file.Path file = dir.resolve(className.replace('.', '/') + ".java");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, source);
        java.nio.file.Path classes = java.nio.file.Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                file.toString()));
        java.nio.file.Path jar = dir.resolve("user.jar");
        String entry = className.replace('.', '/') + ".class";
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(java.nio.file.Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aRankThatThrowsInAnotherJvmFailsTheJobNamingIt() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 1) {
                throw new ArithmeticException("division by zero on rank one");
            }
            comm.barrier(); // rank 1 never comes: the others must be freed
            return 0;
        }));
        assertEquals(1, e.failedRank());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals("division by zero on rank one", e.getCause().getMessage());
    }

    @Test
    void aLostExecutorIsRetriedWithAFreshWorldAndGivesTheRightResult() throws Exception {
        String marker = java.nio.file.Files.createTempDirectory("mpi-retry").resolve("killed-once").toString();
        List<Integer> out = mpi.run(4, comm -> {
            if (comm.rank() == 1 && new java.io.File(marker).createNewFile()) {
                Runtime.getRuntime().halt(17); // the executor JVM dies on the first attempt only
            }
            int[] v = {comm.rank() + 1};
            comm.allreduce(v, v, Op.SUM);
            return v[0];
        });
        assertEquals(List.of(10, 10, 10, 10), out);
        assertTrue(new java.io.File(marker).exists(), "the first attempt ran and lost its executor");
    }

    @Test
    void anExecutorLostOnEveryAttemptFailsNamingRankHostAndWhy() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class, () -> mpi.run(4, comm -> {
            if (comm.rank() == 1) {
                Runtime.getRuntime().halt(17);
            }
            comm.barrier();
            return 0;
        }));
        assertTrue(e.getMessage().matches("(?s)rank \\d of 4 failed: rank \\d on host 127\\.0\\.0\\.1 lost its connection to "
                + "the driver without reporting an error, so its task or its executor JVM ended \\((EOF|Socket)Exception.*"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("(null)"), e.getMessage());
        assertEquals("SPMD stage: failed on each of its 3 attempts (spark.mpi.stage.maxAttempts=3)",
                e.getSuppressed()[0].getMessage());
    }

    @Test
    void aMapPartitionsStageWhoseExecutorIsLostIsRunAgainBySpark() throws Exception {
        String marker = java.nio.file.Files.createTempDirectory("mpi-retry").resolve("killed-once").toString();
        org.apache.spark.api.java.JavaRDD<Integer> data = jsc.parallelize(java.util.stream.IntStream.range(0, 40)
                .boxed().toList(), 4);
        List<String> out = mpi.mapPartitions(data, (comm, part) -> {
            if (comm.rank() == 2 && new java.io.File(marker).createNewFile()) {
                Runtime.getRuntime().halt(17);
            }
            long[] sum = {0};
            part.forEachRemaining(x -> sum[0] += x);
            comm.allreduce(sum, sum, Op.SUM);
            return List.of(comm.rank() + ":" + sum[0]).iterator();
        }).collect();
        assertEquals(List.of("0:780", "1:780", "2:780", "3:780"), out);
        assertTrue(new java.io.File(marker).exists());
    }

    @Test
    void outputOfRanksInExecutorJvmsComesBackToTheDriver() {
        SpmdResult<String> out = mpi.runWithOutput(4, comm -> {
            System.out.println("rank " + comm.rank() + " in " + ManagementFactory.getRuntimeMXBean().getName());
            return Thread.currentThread().getName();
        });
        for (int r = 0; r < 4; r++) {
            assertTrue(out.stdout().get(r).startsWith("rank " + r + " in "), out.formatted());
            assertTrue(out.values().get(r).endsWith(" rank " + r + "/4]"), "task thread named after its rank: "
                    + out.values().get(r));
        }
        assertTrue(out.formatted().startsWith("[stdout:0] rank 0 in "), out.formatted());
    }

    @Test
    void theCoursesDeadlockTrapAcrossJvmsIsReportedWithEachCall() {
        org.mpionspark.mpi.MpiDeadlockException e = assertThrows(org.mpionspark.mpi.MpiDeadlockException.class,
                () -> mpi.run(4, comm -> {
                    int partner = comm.rank() ^ 1; // 0-1 and 2-3: each pair across or within JVMs
                    int[] got = new int[1];
                    comm.recv(got, partner, 0);
                    comm.send(new int[] {comm.rank()}, partner, 0);
                    return got[0];
                }));
        for (int r = 0; r < 4; r++) {
            assertTrue(e.calls().get(r).startsWith("rank " + r + " blocked in recv(int[1], source=" + (r ^ 1)
                    + ", tag=0)"), e.getMessage());
        }
    }

    @Test
    void aPeriodicGridAcrossTwoJvmsShiftsValuesToItsNeighbours() {
        List<String> out = mpi.run(4, comm -> {
            org.mpionspark.mpi.CartCommunicator grid = comm.createCart(new int[] {2, 2}, new boolean[] {true, true});
            int[] sd = grid.shift(1, 1);
            int[] got = new int[1];
            grid.sendrecv(new int[] {grid.rank() * 10}, sd[1], 0, got, sd[0], 0);
            return java.util.Arrays.toString(grid.coords(grid.rank())) + " from " + got[0];
        });
        assertEquals(List.of("[0, 0] from 10", "[0, 1] from 0", "[1, 0] from 30", "[1, 1] from 20"), out);
    }

    @Test
    void anIbcastAcrossJvmsDeliversTheRootsArray() {
        List<String> out = mpi.run(4, comm -> {
            int[] data = comm.rank() == 2 ? new int[] {4, 5, 6} : new int[3];
            comm.ibcast(data, 2).waitFor();
            return java.util.Arrays.toString(data);
        });
        assertEquals(java.util.Collections.nCopies(4, "[4, 5, 6]"), out);
    }

    @Test
    void theTypedMaxlocFindsTheRankWithTheLargestValueAcrossJvms() {
        List<String> out = mpi.run(4, comm -> {
            double[] v = {comm.rank() == 2 ? 9.5 : comm.rank()};
            int[] at = {comm.rank()};
            comm.allreduceLoc(v, at, Op.MAXLOC);
            return v[0] + "@" + at[0];
        });
        assertEquals(java.util.Collections.nCopies(4, "9.5@2"), out);
    }

    @Test
    void twoJobsAtOnceAcrossJvmsWithObjectRequestsSelfAndFree() throws Exception {
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<String>>> jobs = new java.util.ArrayList<>();
            for (int job = 0; job < 2; job++) {
                String name = "job" + job;
                jobs.add(driver.submit(() -> mpi.run(2, comm -> {
                    org.mpionspark.mpi.ObjectRequest<String> in = comm.irecvObject(1 - comm.rank(), 4);
                    org.mpionspark.mpi.Request out = comm.isendObject(name + " from " + comm.rank(), 1 - comm.rank(), 4);
                    org.mpionspark.mpi.Request.waitAll(in, out);
                    org.mpionspark.mpi.Communicator pair = comm.dup();
                    int[] one = {1};
                    pair.allreduce(org.mpionspark.mpi.Communicator.IN_PLACE, one, Op.SUM);
                    pair.free();
                    return in.waitForObject() + " " + one[0] + " " + comm.self().size();
                })));
            }
            for (int job = 0; job < 2; job++) {
                assertEquals(List.of("job" + job + " from 1 2 1", "job" + job + " from 0 2 1"),
                        jobs.get(job).get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            driver.shutdownNow();
        }
    }

    @Test
    void stagesAfterAFailureStillWork() {
        for (int i = 0; i < 3; i++) {
            int k = i;
            List<Integer> out = mpi.run(4, comm -> {
                int[] v = {comm.rank() + k};
                comm.allreduce(v, v, Op.MAX);
                return v[0];
            });
            assertEquals(List.of(3 + k, 3 + k, 3 + k, 3 + k), out);
        }
    }

    @Test
    void dataFrameRegressionAcrossTwoExecutorJvmsComesBackAsADatasetThatJoins() {
        SparkSession spark = SparkSession.builder().sparkContext(jsc.sc()).getOrCreate();
        Dataset<Row> pts = DatasetsLocalModeTest.points(spark, 4_000);
        Row expected = pts.selectExpr("regr_slope(y, x)", "regr_intercept(y, x)").first();
        Dataset<Row> fits = mpi.mapPartitions(pts, Encoders.row(DatasetsLocalModeTest.FIT), DatasetsLocalModeTest::fit);
        List<Row> rows = fits.collectAsList();
        assertEquals(4, rows.size());
        for (int r = 0; r < 4; r++) {
            assertEquals(r, rows.get(r).getInt(0));
            assertEquals(1_000L, rows.get(r).getLong(1));
            assertEquals(expected.getDouble(0), rows.get(r).getDouble(2), 1e-9);
            assertEquals(expected.getDouble(1), rows.get(r).getDouble(3), 1e-6);
        }
        assertEquals(0, fits.first().getInt(0));
        assertEquals(List.of(2), fits.join(spark.range(2, 3).toDF("rank"), "rank").select("rank")
                .as(Encoders.INT()).collectAsList());
    }
}
