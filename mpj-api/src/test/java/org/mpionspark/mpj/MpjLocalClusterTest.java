package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * Unchanged MPJ Express programs on two executor JVMs ({@code local-cluster[2,4,1024]}) with
 * {@code spark.mpi.memoryPath=false}, so that every message goes through MPJ Express, even between
 * ranks of one JVM. The executors' class path holds the facade's {@code mpi} package (this
 * module's classes) while each world loads MPJ Express's own {@code mpi} package, nested in the
 * bridge jar: the two never clash, which these runs show. Eight ranks fill both executors.
 */
@Timeout(600)
class MpjLocalClusterTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext spmd;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(Contexts.localClusterConf(2, 4).set("spark.mpi.memoryPath", "false"));
        spmd = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void theFacadeAndMpjExpressOwnMpiPackageLiveSideBySideAcrossJvms() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 8, "mpjprograms.WhereAmI");
        for (int rank = 0; rank < 8; rank++) {
            assertTrue(r.stdout().get(rank).matches("(?s)rank " + rank + " jvms 2 sum 36.0 \\S+ mpj program rank " + rank
                    + "\\R?"), r.formatted());
        }
    }

    @Test
    void ringAndDerivedDatatypesAcrossJvms() {
        SpmdResult<Integer> ring = MpjPrograms.runMain(spmd, 8, "mpjprograms.Ring", "x");
        assertEquals(Collections.nCopies(8, 0), ring.values());
        assertTrue(ring.stdout().get(0).contains("token 128 from 7 tag 7 count 1"), ring.formatted());
        assertTrue(ring.stdout().get(3).contains("rank 3 of 8 got 2.0,4.0 sum 36 args x runs 1"), ring.formatted());
        SpmdResult<Integer> types = MpjPrograms.runMain(spmd, 8, "mpjprograms.Datatypes");
        assertTrue(types.stdout().get(1).contains("column [1, 5, 9, 13]"), types.formatted());
        assertTrue(types.stdout().get(7).contains("indexed [10, 11, 0, 0, 0, 15] rows [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, "
                + "4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7] longest xxxxxxxx"), types.formatted());
    }

    @Test
    void mpjExpressSuitePassesWithEveryMessageThroughMpjExpress() throws Exception {
        List<MpjSuite.Verdict> failed = MpjSuite.runAndReport(spmd, "local-cluster[2,4,1024] (memoryPath=false)",
                "local-cluster");
        assertEquals(List.of(), failed.stream().map(v -> v.program() + ": " + v.why()).toList());
    }
}
