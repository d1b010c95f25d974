package org.mpionspark.mpj;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;

/**
 * One rank's run of an MPJ Express program: its {@code main} in a {@link ProgramLoader} of the
 * rank's own, bound to the rank's communicator, then the checks MPJ Express makes at the end
 * ({@code MPI.Finalize} called, no {@code System.exit} other than 0 after it).
 */
public final class ProgramRun {

    private ProgramRun() {
    }

    /**
     * Runs {@code mainClass}'s {@code main(args)} as this rank; returns 0, or throws
     * {@link MpiException} naming the rank when the program misbehaves (what it threw is the cause).
     */
    public static int run(Communicator comm, String mainClass, String[] args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader parent = previous != null ? previous : ProgramRun.class.getClassLoader();
        ProgramLoader loader = new ProgramLoader(parent, comm, mainClass);
        Method main = mainOf(comm.rank(), loader, mainClass);
        thread.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args.clone());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof ProgramExit exit) || !endedCleanly(exit, loader)) {
                throw failed(comm.rank(), mainClass, cause);
            }
        } catch (IllegalAccessException e) {
            throw new MpiException(comm.rank(), mainClass + ".main", -1, "main cannot be called: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (loader.wasInitialized() && !loader.wasFinalized()) {
            throw new MpiException(comm.rank(), mainClass + ".main", -1,
                    "the program returned without calling MPI.Finalize() (MPJ Express requires it)");
        }
        return 0;
    }

    /** {@code System.exit(0)} after {@code MPI.Finalize} (or with MPI never started) is a normal end. */
    private static boolean endedCleanly(ProgramExit exit, ProgramLoader loader) {
        return exit.status() == 0 && (loader.wasFinalized() || !loader.wasInitialized());
    }

    private static MpiException failed(int rank, String mainClass, Throwable cause) {
        if (cause instanceof ProgramExit exit) {
            return new MpiException(rank, mainClass + ".main", -1, "System.exit(" + exit.status() + ") called"
                    + (exit.status() == 0 ? " before MPI.Finalize()" : "")
                    + ": the rank ends with an error instead of ending the executor's JVM", exit);
        }
        return new MpiException(rank, mainClass + ".main", -1, "the program threw " + cause, cause);
    }

    private static Method mainOf(int rank, ProgramLoader loader, String mainClass) {
        try {
            Method m = Class.forName(mainClass, false, loader).getMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalArgumentException("rank " + rank + ": " + mainClass + ".main(String[]) is not static");
            }
            m.setAccessible(true); // as the java launcher does, a main of a class that is not public runs
            return m;
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("rank " + rank + ": no class " + mainClass + " on this JVM's class path", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("rank " + rank + ": " + mainClass + " has no public static void main(String[])", e);
        }
    }
}
