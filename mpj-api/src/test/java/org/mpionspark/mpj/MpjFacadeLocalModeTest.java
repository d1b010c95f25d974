package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/** Unchanged MPJ Express programs ({@code mpjprograms}) on embedded {@code local[4]}: results, per-rank statics, misuse. */
@Timeout(120)
class MpjFacadeLocalModeTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext spmd;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(Contexts.localConf(4));
        spmd = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        if (jsc != null) {
            jsc.stop();
        }
    }

    @Test
    void ringRunsOnEveryRankWithItsOwnStaticsAndArguments() {
        for (int round = 0; round < 2; round++) { // a second run starts from fresh statics again
            SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 4, "mpjprograms.Ring", "a", "b");
            assertEquals(List.of(0, 0, 0, 0), r.values());
            assertTrue(r.stdout().get(0).contains("token 106 from 3 tag 7 count 1"), r.formatted());
            for (int rank = 0; rank < 4; rank++) {
                int left = (rank + 3) % 4;
                assertTrue(r.stdout().get(rank).contains("rank " + rank + " of 4 got " + (double) left + ","
                        + 2.0 * left + " sum 10 args a,b runs 1 loader mpj program rank " + rank), r.formatted());
            }
        }
    }

    @Test
    void derivedDatatypesAndAUserOpOnObjects() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 4, "mpjprograms.Datatypes");
        assertTrue(r.stdout().get(1).contains("column [1, 5, 9, 13]"), r.formatted());
        for (int rank = 0; rank < 4; rank++) {
            String indexed = rank == 0 ? "[10, 11, 12, 13, 14, 15]" : "[10, 11, 0, 0, 0, 15]";
            assertTrue(r.stdout().get(rank).contains("rank " + rank + " indexed " + indexed
                    + " rows [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3] longest xxxx"), r.formatted());
        }
    }

    @Test
    void cancelTakesBackAReceiveNothingMatchedAndNotASend() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 2, "mpjprograms.Cancel");
        assertTrue(r.stdout().get(0).contains("send cancelled false"), r.formatted());
        assertTrue(r.stdout().get(1).contains("receive cancelled true data 0"), r.formatted());
        assertTrue(r.stdout().get(1).contains("then received 7 cancelled false"), r.formatted());
    }

    @Test
    void mpiBeforeInitInitTwiceAndNoFinalizeAreClearErrors() {
        assertFails("before-init", "MPI is used before MPI.Init");
        assertFails("init-twice", "MPI.Init called twice");
        assertFails("no-finalize", "returned without calling MPI.Finalize()");
    }

    @Test
    void systemExitEndsTheRankNotTheJvm() {
        MpiRankFailedException e = assertFails("exit-3", "System.exit(3) called");
        assertInstanceOf(ProgramExit.class, e.getCause().getCause());
        SpmdResult<Integer> ok = MpjPrograms.runMain(spmd, 2, "mpjprograms.Misuse", "exit-0-after-finalize");
        assertEquals(List.of(0, 0), ok.values());
        assertTrue(ok.stdout().get(1).contains("finalized"));
    }

    @Test
    void errorsAreMpiExceptionsCarryingOurMessageAndCause() {
        SpmdResult<Integer> r = MpjPrograms.runMain(spmd, 2, "mpjprograms.Misuse", "wrong-buffer");
        assertTrue(r.stdout().get(0).contains("caught Send: MPI.INT needs a int[] buffer, not a double[]"), r.formatted());
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class,
                () -> MpjPrograms.runMain(spmd, 2, "mpjprograms.Misuse", "recv-too-small"));
        Throwable mpj = e;
        while (mpj != null && !mpj.getClass().getName().equals("mpi.MPIException")) {
            mpj = mpj.getCause();
        }
        assertTrue(mpj != null, "an mpi.MPIException in the chain of " + e);
        assertInstanceOf(MpiException.class, mpj.getCause());
        assertTrue(mpj.getMessage().contains("rank 1 in recv("), mpj.getMessage());
        assertEquals(mpj.getCause().getMessage(), mpj.getMessage());
    }

    @Test
    void mpjsOwnAbortTestFailsTheWorldNamingItsCode() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class,
                () -> MpjPrograms.runMain(spmd, 2, "mpi.env.abort"));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("abort"), e.getMessage());
    }

    @Test
    void initOutsideARankSaysHowToStartTheProgram() {
        mpi.MPIException e = assertThrows(mpi.MPIException.class, () -> mpi.MPI.Init(new String[0]));
        assertTrue(e.getMessage().contains("org.mpionspark.mpj.RunMain"), e.getMessage());
    }

    @Test
    void aMissingMainClassIsNamed() {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class,
                () -> MpjPrograms.runMain(spmd, 2, "com.example.Missing"));
        assertTrue(e.getMessage().contains("com.example.Missing is not on this JVM's class path"), e.getMessage());
    }

    private static MpiRankFailedException assertFails(String mistake, String message) {
        MpiRankFailedException e = assertThrows(MpiRankFailedException.class,
                () -> MpjPrograms.runMain(spmd, 2, "mpjprograms.Misuse", mistake));
        assertTrue(e.getMessage().contains(message), mistake + ": " + e.getMessage());
        return e;
    }
}
