package org.mpionspark.bridge.mpj;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import mpi.Status;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.NativeCollectives;
import org.mpionspark.bridge.transport.Transport;

/**
 * {@link Transport} over MPJ Express's {@code niodev}: the user channel is the world's
 * point-to-point context, the collective channel its collective context (MPJ's own
 * {@code Comm.isend(..., false)}), so the two never match each other's messages.
 */
public final class MpjTransport implements Transport, NativeCollectives {

    private static final Datatype[] TYPES = {
        MPI.BYTE, MPI.SHORT, MPI.INT, MPI.LONG, MPI.FLOAT, MPI.DOUBLE, MPI.CHAR, MPI.BOOLEAN
    };

    private final Intracomm world;
    private final int rank;
    private final int size;
    private final Method collectiveIsend;
    private final Method collectiveIrecv;
    private volatile boolean killed;

    private MpjTransport(Intracomm world) throws ReflectiveOperationException {
        this.world = world;
        this.rank = world.Rank();
        this.size = world.Size();
        Class<?> comm = mpi.Comm.class;
        collectiveIsend = comm.getDeclaredMethod("isend", Object.class, int.class, int.class, Datatype.class,
                int.class, int.class, boolean.class);
        collectiveIrecv = comm.getDeclaredMethod("irecv", Object.class, int.class, int.class, Datatype.class,
                int.class, int.class, boolean.class);
        collectiveIsend.setAccessible(true);
        collectiveIrecv.setAccessible(true);
    }

    /**
     * Starts this rank's MPJ Express world ({@code MPI_Init} on {@code niodev}). Blocks until every
     * peer is connected; the rendezvous server at {@code host:port} hands out the peer table.
     * Called reflectively by {@code RankLauncher} through this rank's class loader.
     */
    public static Transport start(int rank, int size, String host, int port, int protocolSwitchLimit)
            throws Exception {
        String conf = "#Number of Processes;" + size + ";#Protocol Switch Limit;" + protocolSwitchLimit
                + ";#Server Name;" + host + ";#Server Port;" + port;
        MPI.Init(new String[] {Integer.toString(rank), conf, "niodev"});
        return new MpjTransport(MPI.COMM_WORLD);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Pending isend(int channel, ArrayKind kind, Object buf, int offset, int count, int dest, int tag) {
        Request r = channel == USER
                ? world.Isend(buf, offset, count, TYPES[kind.ordinal()], dest, tag)
                : (Request) invoke(collectiveIsend, buf, offset, count, TYPES[kind.ordinal()], dest, tag, false);
        return pending(r, kind, dest, tag, count);
    }

    @Override
    public Pending irecv(int channel, ArrayKind kind, Object buf, int offset, int count, int anySource, int anyTag) {
        int source = anySource == ANY ? MPI.ANY_SOURCE : anySource;
        int tag = anyTag == ANY ? MPI.ANY_TAG : anyTag;
        Request r = channel == USER
                ? world.Irecv(buf, offset, count, TYPES[kind.ordinal()], source, tag)
                : (Request) invoke(collectiveIrecv, buf, offset, count, TYPES[kind.ordinal()], source, tag, false);
        return pending(r, kind, source, tag, count);
    }

    private Pending pending(Request r, ArrayKind kind, int peer, int tag, int count) {
        Datatype type = TYPES[kind.ordinal()];
        return new Pending() {
            @Override
            public int[] test() {
                if (killed) {
                    throw new IllegalStateException("MPJ Express world of rank " + rank + " was torn down");
                }
                Status s;
                try {
                    s = r.Test();
                } catch (RuntimeException e) {
                    throw truncated(e, count);
                }
                if (s == null) {
                    return null;
                }
                int n = count(s, type, count);
                return new int[] {s.source >= 0 ? s.source : peer, s.tag >= 0 ? s.tag : tag, n};
            }

            @Override
            public void block(long nanos) {
                Completion.block(r.req, nanos);
            }

            @Override
            public long progress() {
                return Completion.bytesMoved(r.req);
            }
        };
    }

    private static final java.util.regex.Pattern TOO_LONG =
            java.util.regex.Pattern.compile("count <(\\d+)> is less than length <(\\d+)>");

    /** MPJ's packer reports a message longer than the receive as "count <c> is less than length <n>". */
    private static RuntimeException truncated(RuntimeException e, int capacity) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = TOO_LONG.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return new Truncated(Integer.parseInt(m.group(2)), capacity);
            }
        }
        return e;
    }

    private static int count(Status s, Datatype type, int fallback) {
        try {
            int n = s.Get_count(type);
            return n >= 0 ? n : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    @Override
    public int[] iprobe(int channel, int source, int tag) {
        if (channel != USER) {
            mpjdev.Comm dc = world.mpjdevComm;
            xdev.ProcessID from = source == ANY ? xdev.Device.ANY_SRC : dc.group.ids[source];
            mpjdev.Status ds = mpjdev.javampjdev.MPJDev.dev.iprobe(from, tag == ANY ? xdev.Device.ANY_TAG : tag,
                    dc.collctxt);
            if (ds == null) {
                return null;
            }
            ArrayKind k = kindOf(ds.type);
            return new int[] {source, ds.tag, ds.numEls, k == null ? -1 : k.ordinal()};
        }
        Status s = world.Iprobe(source == ANY ? MPI.ANY_SOURCE : source, tag == ANY ? MPI.ANY_TAG : tag);
        if (s == null) {
            return null;
        }
        ArrayKind kind = kindOf(s.type);
        int n = kind == null ? s.numEls : count(s, TYPES[kind.ordinal()], s.numEls);
        return new int[] {s.source, s.tag, n, kind == null ? -1 : kind.ordinal()};
    }

    private static ArrayKind kindOf(mpjbuf.Type t) {
        if (t == null) {
            return null;
        }
        int code = t.getCode();
        if (code == mpjbuf.Type.BYTE.getCode()) return ArrayKind.BYTE;
        if (code == mpjbuf.Type.SHORT.getCode()) return ArrayKind.SHORT;
        if (code == mpjbuf.Type.INT.getCode()) return ArrayKind.INT;
        if (code == mpjbuf.Type.LONG.getCode()) return ArrayKind.LONG;
        if (code == mpjbuf.Type.FLOAT.getCode()) return ArrayKind.FLOAT;
        if (code == mpjbuf.Type.DOUBLE.getCode()) return ArrayKind.DOUBLE;
        if (code == mpjbuf.Type.CHAR.getCode()) return ArrayKind.CHAR;
        if (code == mpjbuf.Type.BOOLEAN.getCode()) return ArrayKind.BOOLEAN;
        return null;
    }

    @Override
    public void allreduceSum(double[] sendbuf, double[] recvbuf) {
        world.Allreduce(sendbuf, 0, recvbuf, 0, sendbuf.length, MPI.DOUBLE, MPI.SUM);
    }

    @Override
    public String processorName() {
        return MPI.Get_processor_name();
    }

    @Override
    public void finish() {
        MPI.Finalize();
    }

    @Override
    public void kill() {
        killed = true;
        killDevice();
    }

    /** Tears down whatever device this loader's MPJ Express started, even if {@code MPI.Init} never returned. */
    public static void killDevice() {
        Object device = mpjdev.javampjdev.MPJDev.dev;
        if (device == null) {
            device = mpjdev.MPJDev.dev;
        }
        if (device != null) {
            DeviceTeardown.closeAll(device);
            DeviceTeardown.releaseWaiters(device);
        }
    }

    private static Object invoke(Method m, Object buf, int offset, int count, Datatype type, int peer, int tag,
                                 boolean pt2pt) {
        try {
            return m.invoke(MPI.COMM_WORLD, buf, offset, count, type, peer, tag, pt2pt);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sleeps on a {@code niodev} request's own monitor, which MPJ notifies when the request
     * completes ({@code NIORequest.notifyMe}), but for a bounded time: MPJ's own wait has no bound.
     */
    static final class Completion {
        /** Null where a field is missing: then block() only sleeps the bound, and progress is 0. */
        private static final Field COMPLETED = field(xdev.niodev.NIORequest.class, "completed");
        private static final Field BYTES_READ = field(xdev.niodev.NIORecvRequest.class, "bytesRead");
        private static final Field BYTES_WRITTEN = field(xdev.niodev.NIOSendRequest.class, "bytesWritten");

        private static Field field(Class<?> c, String name) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** Bytes niodev has read or written for {@code request} so far. */
        static long bytesMoved(Object request) {
            Field f = request instanceof xdev.niodev.NIORecvRequest ? BYTES_READ
                    : request instanceof xdev.niodev.NIOSendRequest ? BYTES_WRITTEN : null;
            try {
                return f == null ? 0 : f.getInt(request);
            } catch (IllegalAccessException e) {
                return 0;
            }
        }

        static void block(Object request, long nanos) {
            if (!(request instanceof xdev.niodev.NIORequest) || COMPLETED == null) {
                return;
            }
            synchronized (request) {
                try {
                    if (!COMPLETED.getBoolean(request)) {
                        request.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
                    }
                } catch (IllegalAccessException e) {
                    // cannot tell: return and let the caller poll
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Closes what a {@code niodev} device holds open, found by field type, so its threads end. */
    static final class DeviceTeardown {

        static void closeAll(Object device) {
            List<Object> found = new ArrayList<>();
            forEachField(device, (f, v) -> {
                if (f.getName().equals("selectorFlag") && f.getType() == boolean.class) {
                    try {
                        f.setBoolean(device, false); // lets the selector thread's loop end
                    } catch (IllegalAccessException ignored) {
                        // then closing the selector ends it
                    }
                }
                collect(v, found);
            });
            for (Object o : found) {
                try {
                    if (o instanceof Selector s) {
                        s.wakeup();
                        s.close();
                    } else if (o instanceof Channel ch) {
                        ch.close();
                    } else if (o instanceof java.net.Socket s) {
                        s.close();
                    }
                } catch (Exception ignored) {
                    // closing is best effort; what stays open is reported by the thread check
                }
            }
        }

        /**
         * Wakes every thread MPJ Express left waiting on a request of {@code device}, e.g. an
         * {@code MPI.Init} stuck in its context exchange when a peer died: MPJ's waits ignore
         * interrupts and a closed device completes nothing, so each pending request is marked
         * completed and notified. The woken call fails or returns garbage; its rank is being torn
         * down either way. Call again if it blocks anew.
         */
        static void releaseWaiters(Object device) {
            List<xdev.niodev.NIORequest> pending = new ArrayList<>();
            forEachField(device, (f, v) -> {
                if (v != null && v.getClass().getName().startsWith("xdev.niodev.NIODevice$")) {
                    forEachField(v, (q, queued) -> requests(queued, pending)); // the receive and arrival queues
                } else {
                    requests(v, pending);
                }
            });
            for (xdev.niodev.NIORequest r : pending) {
                synchronized (r) {
                    try {
                        if (Completion.COMPLETED != null) {
                            Completion.COMPLETED.setBoolean(r, true);
                        }
                    } catch (IllegalAccessException ignored) {
                        // then only the notify below; the waiter re-checks and stays, and is reported
                    }
                    r.notifyAll();
                }
            }
        }

        private static void requests(Object v, List<xdev.niodev.NIORequest> out) {
            if (v instanceof xdev.niodev.NIORecvRequest r) {
                for (Object x = r; x instanceof xdev.niodev.NIORequest q && !out.contains(q); x = field(q, "recvNext")) {
                    out.add(q); // receives posted for the same key are chained
                }
            } else if (v instanceof xdev.niodev.NIORequest r) {
                out.add(r);
            } else if (v instanceof Map<?, ?> m) {
                for (Object o : m.values().toArray()) {
                    requests(o, out);
                }
            } else if (v instanceof Collection<?> c) {
                for (Object o : c.toArray()) {
                    requests(o, out);
                }
            }
        }

        /** Calls {@code action} with each instance field of {@code o} (superclasses too) and its value; skips fields it cannot read. */
        private static void forEachField(Object o, java.util.function.BiConsumer<Field, Object> action) {
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        action.accept(f, f.get(o));
                    } catch (ReflectiveOperationException | RuntimeException ignored) {
                        // a field we cannot read holds nothing we could close or release
                    }
                }
            }
        }

        private static Object field(Object o, String name) {
            try {
                Field f = o.getClass().getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static void collect(Object v, List<Object> out) {
            if (v instanceof Selector || v instanceof Channel || v instanceof java.net.Socket) {
                out.add(v);
            } else if (v instanceof Collection<?> c) {
                for (Object o : c.toArray()) {
                    collect(o, out);
                }
            } else if (v instanceof Map<?, ?> m) {
                for (Object o : m.values().toArray()) {
                    collect(o, out);
                }
            } else if (v instanceof Object[] a) {
                for (Object o : a) {
                    collect(o, out);
                }
            }
        }
    }
}
