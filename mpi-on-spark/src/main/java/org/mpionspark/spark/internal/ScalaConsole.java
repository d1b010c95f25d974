package org.mpionspark.spark.internal;

import java.util.concurrent.Callable;

/**
 * Scala's {@code println} writes to {@code scala.Console.out}, fixed when a thread starts (or
 * inherited from the thread that made it), not to {@code System.out}: a rank's Scala code would
 * escape the capture of what it prints. This points Scala's console at the JVM's streams while
 * a rank's code runs.
 */
public final class ScalaConsole {

    private ScalaConsole() {
    }

    /** Runs {@code body} with {@code Console.out}/{@code err} set to {@code System.out}/{@code err}. */
    public static <T> T toSystemStreams(Callable<T> body) throws Exception {
        Object[] out = new Object[1];
        Exception[] error = new Exception[1];
        scala.Console$.MODULE$.withOut(System.out, () -> scala.Console$.MODULE$.withErr(System.err, () -> {
            try {
                out[0] = body.call();
            } catch (Exception e) {
                error[0] = e;
            }
            return null;
        }));
        if (error[0] != null) {
            throw error[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
