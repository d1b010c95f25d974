package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ClearFailures} on embedded {@code local[4]}, where ranks are threads of this JVM. */
@Timeout(300)
class ClearFailuresLocalModeTest extends ClearFailures {

    private static JavaSparkContext jsc;
    /** Reached from a rank as the same object (a static of this JVM), not a copy: the case that used to hang. */
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = SparkSessions.local(4);
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.stop();
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
        return "SPMD stage: needs 5 task slots at once (one per rank) but the application has only 4 (master local[4], "
                + "spark.task.cpus=1); use at most 4 ranks or give the application more cores";
    }

    @Test
    void aStageStartedFromARankThroughTheDriversOwnContextFailsAtOnce() {
        List<String> out = mpi.run(2, comm -> failure(() -> mpi.run(2, c -> 0)));
        assertTrue(out.get(1).startsWith("MpiException: rank 1 in run(2 ranks): run(2 ranks) was called inside a Spark "
                + "task (stage "), out.get(1));
        assertEquals(List.of(0, 1), mpi.run(2, comm -> comm.rank()), "nothing was left holding slots");
    }

    @Test
    void aCellRunningOrClosingTheDriversOwnSessionObjectIsToldAtOnce() {
        try (MpiSession px = mpi.session(2)) {
            OWN.set(px);
            List<String> out = px.run((comm, state) -> failure(() -> OWN.get().run((c, s) -> 0)) + " | "
                    + failure(() -> {
                        OWN.get().close();
                        return "closed";
                    }));
            assertTrue(out.get(0).startsWith("MpiException: rank 0 in MpiSession.run: MpiSession.run was called "
                    + "inside a Spark task"), out.get(0));
            assertTrue(out.get(0).contains(" | MpiException: rank 0 in MpiSession.close: MpiSession.close was called "
                    + "inside a Spark task"), out.get(0));
            assertEquals(List.of(0, 1), px.run((comm, state) -> comm.rank()));
        } finally {
            OWN.set(null);
        }
    }

    /** The session object itself, for a cell (local mode: the same JVM). */
    private static final java.util.concurrent.atomic.AtomicReference<MpiSession> OWN =
            new java.util.concurrent.atomic.AtomicReference<>();
}
