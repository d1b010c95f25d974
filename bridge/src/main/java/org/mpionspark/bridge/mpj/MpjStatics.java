package org.mpionspark.bridge.mpj;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Puts back the static state a world leaves in MPJ Express's classes, so that the next
 * {@code MPI.Init} in the same loader starts a new {@code niodev} instead of finding the last
 * world's closed one ({@code MPJDev.init} keeps a device that is not null). Only for a world whose
 * device was torn down and whose threads have all ended; what no world changes (datatypes,
 * operations, loggers) is kept, and with it the loaded, linked and compiled classes.
 */
public final class MpjStatics {

    /** {@code mpjdev.javampjdev.Comm}'s first context, as its static initialiser sets it. */
    private static final int FIRST_CONTEXT = 2;

    private MpjStatics() {
    }

    /**
     * Resets the statics of this loader's MPJ Express; null when done, else why the loader must not
     * serve another world. Called reflectively, through the loader the classes live in.
     */
    public static String reset() {
        try {
            mpi.MPI.COMM_WORLD = null;
            mpi.MPI.COMM_SELF = null;
            mpi.MPI.GROUP_EMPTY = null;
            set(mpi.MPI.class, "initialized", false);
            set(mpi.MPI.class, "buffer", null);
            ((java.util.List<?>) get(mpi.MPI.class, "pendingRequests")).clear();
            Class<?> pending = Class.forName("mpi.Comm$PendingMessage");
            set(pending, "queue_size", 0);
            set(pending, "headPtr", 0);
            set(pending, "tailPtr", 0);
            set(pending, "front", null);
            set(pending, "back", null);
            mpjdev.MPJDev.dev = null;
            mpjdev.MPJDev.WORLD = null;
            mpjdev.MPJDev.deviceName = null;
            mpjdev.javampjdev.MPJDev.dev = null;
            mpjdev.javampjdev.MPJDev.WORLD = null;
            set(mpjdev.javampjdev.Comm.class, "staticContext", FIRST_CONTEXT);
            set(mpjdev.Request.class, "waitanyQue", fresh("mpjdev.Request$WaitanyQue"));
            set(xdev.niodev.NIODevice.class, "completedList", fresh("xdev.niodev.NIODevice$CompletedList"));
            ((ByteBuffer) get(xdev.niodev.NIODevice.class, "_wcb")).clear();
            xdev.niodev.NIODevice.isHybrid = false;
            // buffers a torn-down request never gave back go with the old factory
            mpjbuf.BufferFactory.shut();
            mpjbuf.BufferFactory.init("Buddy1");
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "resetting MPJ Express's static state failed: " + e;
        }
    }

    private static Object fresh(String className) throws ReflectiveOperationException {
        Constructor<?> c = Class.forName(className).getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static Object get(Class<?> c, String name) throws ReflectiveOperationException {
        return field(c, name).get(null);
    }

    private static void set(Class<?> c, String name, Object value) throws ReflectiveOperationException {
        field(c, name).set(null, value);
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
