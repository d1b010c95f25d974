package org.mpionspark.mpj;

import java.util.Objects;

import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * Runs an unchanged MPJ Express program (package {@code mpi}, mpiJava 1.2) from Java or Scala:
 * {@code MpjPrograms.runMain(mpi, 4, "com.example.Ring", args)}. It lives here, not in
 * {@link JavaMpiContext}, so that mpi-on-spark does not depend on the facade (see the module README).
 */
public final class MpjPrograms {

    private MpjPrograms() {
    }

    /**
     * Runs {@code mainClass}'s {@code main(args)} on {@code ranks} ranks, one SPMD stage of
     * {@code mpi}; each rank's value is 0 and its output is what it printed. A rank's error fails the
     * whole run ({@link org.mpionspark.mpi.MpiRankFailedException}), as in {@link JavaMpiContext#run}.
     * The class must be on the executors' class path (the application jar).
     */
    public static SpmdResult<Integer> runMain(JavaMpiContext mpi, int ranks, String mainClass, String... args) {
        Objects.requireNonNull(mpi, "mpi");
        Objects.requireNonNull(mainClass, "mainClass");
        String[] a = args == null ? new String[0] : args.clone();
        return mpi.runWithOutput(ranks, comm -> ProgramRun.run(comm, mainClass, a));
    }
}
