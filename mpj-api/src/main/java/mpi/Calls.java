package mpi;

import java.util.function.Supplier;

/** Turns every failure of mpi-on-spark's calls into MPJ Express's {@link MPIException}, keeping the message and the cause. */
final class Calls {

    private Calls() {
    }

    static <T> T call(String op, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw wrap(op, e);
        }
    }

    private static MPIException wrap(String op, RuntimeException e) {
        if (e instanceof MPIException m) {
            return m;
        }
        return new MPIException(e instanceof org.mpionspark.mpi.MpiException ? e.getMessage() : op + ": " + e.getMessage(), e);
    }

    static void run(String op, Runnable body) {
        call(op, () -> {
            body.run();
            return null;
        });
    }
}
