package org.mpionspark.mpj;

/**
 * Thrown where a rank's program calls {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt} (its classes are rewritten so when loaded): a rank shares its JVM with others
 * and with the Spark executor, which must not end. An {@link Error}, so {@code catch (Exception e)}
 * in the program does not swallow it.
 */
public final class ProgramExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int status;

    ProgramExit(int status) {
        super("the program called System.exit(" + status + "): a rank shares its JVM with the Spark executor, "
                + "so the call ends this rank's main instead of the JVM");
        this.status = status;
    }

    /** The status the program passed. */
    public int status() {
        return status;
    }

    /** What a rewritten {@code System.exit(status)} calls. */
    public static void exit(int status) {
        throw new ProgramExit(status);
    }

    /** What a rewritten {@code Runtime.getRuntime().exit(status)} or {@code halt(status)} calls. */
    public static void exit(Runtime runtime, int status) {
        throw new ProgramExit(status);
    }
}
