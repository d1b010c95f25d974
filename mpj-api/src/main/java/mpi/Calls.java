package mpi;

import java.util.function.Supplier;

/** Turns every failure of mpi-on-spark's calls into MPJ Express's {@link MPIException}, keeping the message and the cause. */
final class Calls {

    private Calls() {
    }

    static <T> T call(String op, Supplier<T> body) {
        try {
            return body.get();
        } catch (MPIException e) {
            throw e;
        } catch (org.mpionspark.mpi.MpiException e) {
            throw new MPIException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MPIException(op + ": " + e.getMessage(), e);
        }
    }

    static void run(String op, Runnable body) {
        call(op, () -> {
            body.run();
            return null;
        });
    }
}
