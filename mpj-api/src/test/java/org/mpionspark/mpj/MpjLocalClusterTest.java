package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * Unchanged MPJ Express programs on {@code local-cluster[2,2,1024]}: four ranks in two executor
 * JVMs, which talk through MPJ Express. The executors' class path holds the facade's {@code mpi}
 * package (this module's classes) while each world loads MPJ Express's own {@code mpi} package,
 * nested in the bridge jar: the two never clash, which these runs show.
 */
@Timeout(300)
class MpjLocalClusterTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext spmd;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(Contexts.localClusterConf(2, 2));
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
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 4, "mpjprograms.WhereAmI");
        for (int rank = 0; rank < 4; rank++) {
            assertTrue(r.stdout().get(rank).matches("(?s)rank " + rank + " jvms 2 sum 10.0 \\S+ mpj program rank " + rank
                    + "\\R?"), r.formatted());
        }
    }

    @Test
    void ringRunsAcrossTwoExecutorJvms() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 4, "mpjprograms.Ring", "x");
        assertEquals(List.of(0, 0, 0, 0), r.values());
        assertTrue(r.stdout().get(0).contains("token 106 from 3 tag 7 count 1"), r.formatted());
        assertTrue(r.stdout().get(3).contains("rank 3 of 4 got 2.0,4.0 sum 10 args x runs 1"), r.formatted());
    }

    @Test
    void derivedDatatypesAcrossJvms() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 4, "mpjprograms.Datatypes");
        assertTrue(r.stdout().get(1).contains("column [1, 5, 9, 13]"), r.formatted());
        assertTrue(r.stdout().get(3).contains("indexed [10, 11, 0, 0, 0, 15] rows [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3] longest xxxx"),
                r.formatted());
    }
}
