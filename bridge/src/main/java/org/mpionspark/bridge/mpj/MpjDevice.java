package org.mpionspark.bridge.mpj;

import java.lang.reflect.Field;
import java.nio.channels.Channel;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What we need of {@code niodev} beyond its API, reached by reflection on its fields: bounded
 * waits on a request, the bytes a request has moved, and tearing a device down whatever state it
 * is in (MPJ Express's own waits have no bound and ignore interrupts).
 */
final class MpjDevice {

    private MpjDevice() {
    }

    /** Tears down whatever device this loader's MPJ Express started, even if {@code MPI.Init} never returned. */
    static void killDevice() {
        killDevice(current());
    }

    /** This loader's device now: null before {@code MPI.Init} made one, or after a reset. */
    static Object current() {
        Object device = mpjdev.javampjdev.MPJDev.dev;
        return device != null ? device : mpjdev.MPJDev.dev;
    }

    /** Tears down {@code device} (if not null): one world's, whichever world the loader serves by now. */
    static void killDevice(Object device) {
        if (device != null) {
            DeviceTeardown.closeAll(device);
            DeviceTeardown.releaseWaiters(device);
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
