package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiException;

/** {@link ClearFailures} on {@code local-cluster[2,2,1024]}: two executor JVMs of two slots each. */
@Timeout(300)
class ClearFailuresLocalClusterTest extends ClearFailures {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;
    /** What a stage asked for before any executor had registered, with no wait for them. */
    private static MpiException beforeExecutors;

    @BeforeAll
    static void start() {
        jsc = SparkSessions.localCluster(2, 2);
        mpi = new JavaMpiContext(jsc);
        try {
            mpi.withConf("spark.mpi.slots.waitTimeout", "0").run(4, comm -> 0); // executor JVMs take seconds to start
        } catch (MpiException e) {
            beforeExecutors = e;
        }
        assertEquals(List.of(0, 1, 2, 3), mpi.run(4, comm -> comm.rank()), "with the default wait, the executors came");
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Override
    JavaSparkContext jsc() {
        return jsc;
    }

    @Override
    JavaMpiContext mpi() {
        return mpi;
    }

    @Override
    String tooManyRanksMessage() {
        return "SPMD stage: needs 5 task slots at once (one per rank) but the application has only 4 after waiting "
                + "1000 ms (spark.mpi.slots.waitTimeout) for executors to register: executors registered: 2 of 2 "
                + "expected (master local-cluster[2,2,1024], spark.task.cpus=1); use at most 4 ranks or give the "
                + "application more cores, or raise spark.mpi.slots.waitTimeout to wait longer for executors";
    }

    @Test
    void tooFewSlotsWhileExecutorsRegisterSaysWhatWasWaitedForAndWhichSettingWaitsLonger() {
        assertNotNull(beforeExecutors, "the stage ran before any executor could register");
        assertTrue(beforeExecutors.getMessage().matches("SPMD stage: needs 4 task slots at once \\(one per rank\\) but "
                + "the application has only [0-3] after waiting 0 ms \\(spark.mpi.slots.waitTimeout\\) for executors to "
                + "register: executors registered: [01] of 2 expected \\(master local-cluster\\[2,2,1024\\], "
                + "spark.task.cpus=1\\); use at most [0-3] ranks or give the application more cores, or raise "
                + "spark.mpi.slots.waitTimeout to wait longer for executors"), beforeExecutors.getMessage());
    }
}
