package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping the SparkContext under an open session frees its ranks and threads, and the session says it is closed. */
@Timeout(120)
class MpiSessionContextStopTest {

    @Test
    void stoppingTheContextEndsTheSession() {
        JavaSparkContext jsc = new JavaSparkContext(SparkSessions.base("local[2]"));
        MpiSession px = new JavaMpiContext(jsc).session(2);
        assertEquals(List.of(2, 2), px.run((comm, state) -> comm.size()));
        jsc.stop();
        assertEquals(List.of(), ThreadCheck.mpiThreadsAfter(20));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> px.run((comm, state) -> 0));
        assertEquals("this MPI session is closed; start another with MpiSession.start", e.getMessage());
        px.close(); // nothing left to do, and no error
    }
}
