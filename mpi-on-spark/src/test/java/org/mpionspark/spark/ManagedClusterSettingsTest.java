package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.spark.internal.BarrierSettings;

/**
 * The defaults of managed clusters and notebook servers that rule out barrier stages fail the first
 * SPMD call at once, saying what to set and where, before any job runs; the harmless ones do not.
 */
@Timeout(180)
class ManagedClusterSettingsTest {

    /**
     * {@code spark.dynamicAllocation.testing} makes local mode count dynamic allocation as on, as a
     * YARN or Kubernetes master does (Spark itself ignores it on {@code local[n]}).
     */
    @Test
    void dynamicAllocationFailsEverySpmdEntryPointAtOnceSayingWhatToSet() {
        SparkSession spark = SparkSession.builder().config(SparkSessions.localConf(2)
                .set("spark.dynamicAllocation.enabled", "true")
                .set("spark.dynamicAllocation.testing", "true")).getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            List<Consumer<JavaMpiContext>> calls = List.of(
                    m -> m.run(2, comm -> comm.rank()),
                    m -> m.runWithOutput(2, comm -> comm.rank()),
                    m -> m.mapPartitions(jsc.parallelize(List.of(1, 2), 2), (comm, part) -> part),
                    m -> m.mapPartitions(spark.range(0, 4, 1, 2), Encoders.LONG(), (comm, part) -> part),
                    m -> MpiSession.start(spark, 2));
            for (Consumer<JavaMpiContext> call : calls) {
                MpiException e = assertThrows(MpiException.class, () -> call.accept(mpi));
                assertTrue(e.getMessage().contains("spark.dynamicAllocation.enabled=false"), e.getMessage());
                assertTrue(e.getMessage().contains("Zeppelin: Interpreter menu, 'spark' interpreter"), e.getMessage());
                assertTrue(e.getMessage().contains("SPARK-24942"), e.getMessage());
            }
            assertEquals(0, jsc.statusTracker().getJobIdsForGroup(null).length, "no job was submitted");
        } finally {
            spark.stop();
        }
    }

    @Test
    void dynamicAllocationOnLocalModeIsIgnoredAsSparkIgnoresItAndSpeculationIsHarmless() {
        JavaSparkContext jsc = new JavaSparkContext(SparkSessions.localConf(2)
                .set("spark.dynamicAllocation.enabled", "true")
                .set("spark.speculation", "true")
                .set("spark.speculation.multiplier", "1")
                .set("spark.speculation.quantile", "0.1"));
        try {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            List<Integer> sums = mpi.run(2, comm -> {
                int[] v = {comm.rank() + 1};
                comm.allreduce(v, v, org.mpionspark.mpi.Op.SUM);
                return v[0];
            });
            assertEquals(List.of(3, 3), sums);
        } finally {
            jsc.stop();
        }
    }

    @Test
    void moreCpusPerTaskThanAnExecutorHasFailsNamingBothSettings() {
        SparkConf yarn = new SparkConf(false).set("spark.master", "yarn").set("spark.executor.cores", "2")
                .set("spark.task.cpus", "4");
        MpiException e = assertThrows(MpiException.class, () -> BarrierSettings.require(yarn));
        assertTrue(e.getMessage().contains("spark.task.cpus=4 is more than the 2 cores of an executor "
                + "(spark.executor.cores)"), e.getMessage());
        SparkConf cluster = new SparkConf(false).set("spark.master", "local-cluster[2,1,1024]")
                .set("spark.task.cpus", "2");
        e = assertThrows(MpiException.class, () -> BarrierSettings.require(cluster));
        assertTrue(e.getMessage().contains("more than the 1 cores of an executor (master local-cluster[2,1,1024])"),
                e.getMessage());
        BarrierSettings.require(new SparkConf(false).set("spark.master", "yarn").set("spark.task.cpus", "2")
                .set("spark.executor.cores", "2")); // enough: no error
        SparkConf dynamicOnYarn = new SparkConf(false).set("spark.master", "yarn")
                .set("spark.dynamicAllocation.enabled", "true");
        e = assertThrows(MpiException.class, () -> BarrierSettings.require(dynamicOnYarn));
        assertTrue(e.getMessage().contains("spark.executor.instances"), e.getMessage());
    }
}
