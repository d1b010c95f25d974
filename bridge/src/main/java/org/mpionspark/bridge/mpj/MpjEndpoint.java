package org.mpionspark.bridge.mpj;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import mpi.Status;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Endpoint;
import org.mpionspark.bridge.transport.NativeCollectives;
import org.mpionspark.bridge.transport.Packing;
import org.mpionspark.bridge.transport.Transport;

/**
 * A JVM's {@link Endpoint} over MPJ Express's {@code niodev}: one MPJ rank per JVM of the world.
 * Every message starts with a header (source, destination, channel, tag, kind, count) under one
 * MPJ tag; a short one carries its elements in it, a long one follows under a tag of its own. One
 * thread receives the headers and hands each message to {@link Arrivals} in arrival order.
 */
public final class MpjEndpoint implements Endpoint, NativeCollectives {

    private static final System.Logger LOG = System.getLogger(MpjEndpoint.class.getName());

    /** MPJ's type of each {@link ArrayKind}, by ordinal: an object's bytes go as MPJ bytes, its kind in the header. */
    private static final Datatype[] TYPES = {
        MPI.BYTE, MPI.SHORT, MPI.INT, MPI.LONG, MPI.FLOAT, MPI.DOUBLE, MPI.CHAR, MPI.BOOLEAN, MPI.BYTE
    };
    /** The MPJ tag of every header; a long message's elements go under tags from 1 up. */
    private static final int HEADER_TAG = 0;
    private static final int HEADER_BYTES = 7 * Integer.BYTES;
    /** Messages up to this many bytes travel inside their header: one MPJ message, one copy each side. */
    private static final int INLINE_BYTES = 16 * 1024;
    private static final long POLL_NANOS = 100_000_000L;
    /** The payload tag of the header an endpoint sends each other one when its JVM's ranks are done. */
    private static final int BYE = -2;
    /** The payload tag of the second goodbye: its sender has every other endpoint's first one. */
    private static final int BYE_RECEIVED = -3;
    /**
     * How long an endpoint waits for the second goodbyes before it closes anyway: nobody needs its
     * data by then. One that never comes (its sender closed before this read it) cost the whole
     * wait, and the next world of this JVM waited for the loader: 500 ms in 3 of 12 worlds of 8 ranks
     * on 4 "JVMs" in one process.
     */
    private static final long LAST_GOODBYE_MILLIS = 50;

    private final Intracomm world;
    /** This world's niodev: a late kill must not reach the device of a later world in the same (pooled) loader. */
    private final Object device = MpjDevice.current();
    private final int[] endpointOf;
    private final Arrivals arrivals;
    private final AtomicInteger payloadTags = new AtomicInteger();
    /** Waits for the elements of long messages, one thread each while they travel. */
    private final ThreadPoolExecutor payloads;
    private final Thread headers;
    private volatile boolean closed;
    /** How many other endpoints have said {@link #BYE}, and {@link #BYE_RECEIVED}. */
    private int byes;
    private int byesReceived;

    private MpjEndpoint(Intracomm world, int[] endpointOf, Arrivals arrivals) {
        this.world = world;
        this.endpointOf = endpointOf.clone();
        this.arrivals = arrivals;
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        String name = "mpi-endpoint-" + world.Rank();
        AtomicInteger n = new AtomicInteger();
        this.payloads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(group, r, name + "-payload-" + n.incrementAndGet()));
        this.headers = daemon(group, this::receiveHeaders, name + "-arrivals");
    }

    private static Thread daemon(ThreadGroup group, Runnable r, String name) {
        Thread t = new Thread(group, r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts MPJ Express as endpoint {@code index} of {@code size} ({@code MPI_Init} on
     * {@code niodev}) and blocks until every other endpoint is connected; the rendezvous server at
     * {@code host:port} hands out the peer table. {@code endpointOf[r]}: the endpoint of world rank
     * {@code r}. Called reflectively, through the endpoint's own class loader.
     */
    public static Endpoint start(int index, int size, String host, int port, int protocolSwitchLimit,
                                 int[] endpointOf, Arrivals arrivals) throws Exception {
        String conf = "#Number of Processes;" + size + ";#Protocol Switch Limit;" + protocolSwitchLimit
                + ";#Server Name;" + host + ";#Server Port;" + port;
        MPI.Init(new String[] {Integer.toString(index), conf, "niodev"});
        MpjEndpoint e = new MpjEndpoint(MPI.COMM_WORLD, endpointOf, arrivals);
        e.headers.start();
        return e;
    }

    @Override
    public Transport.Pending send(int source, int channel, ArrayKind kind, Object buf, int offset, int count,
                                  int dest, int tag) {
        int to = endpointOf[dest];
        long bytes = (long) count * kind.bytes();
        if (bytes <= INLINE_BYTES) {
            ByteBuffer b = header(source, dest, channel, tag, kind, count, 0, (int) bytes);
            Packing.pack(kind, buf, offset, count, b);
            Request r = world.Isend(b.array(), 0, b.capacity(), MPI.BYTE, to, HEADER_TAG);
            return pending(r, null, dest, tag, count);
        }
        int payloadTag = 1 + (payloadTags.getAndIncrement() & 0x3FFF_FFFF);
        ByteBuffer b = header(source, dest, channel, tag, kind, count, payloadTag, 0);
        Request h = world.Isend(b.array(), 0, b.capacity(), MPI.BYTE, to, HEADER_TAG);
        Request p = world.Isend(buf, offset, count, TYPES[kind.ordinal()], to, payloadTag);
        return pending(h, p, dest, tag, count);
    }

    private static ByteBuffer header(int source, int dest, int channel, int tag, ArrayKind kind, int count,
                                     int payloadTag, int inlineBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + inlineBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(source).putInt(dest).putInt(channel).putInt(tag).putInt(kind.ordinal()).putInt(count)
                .putInt(payloadTag);
        return b;
    }

    /** A send: its header, then (for a long message) its elements. */
    private Transport.Pending pending(Request header, Request payload, int dest, int tag, int count) {
        return new Transport.Pending() {
            private boolean headerDone;
            private boolean payloadDone = payload == null;

            @Override
            public synchronized int[] test() {
                if (closed) {
                    throw new IllegalStateException("this JVM's MPJ Express endpoint was torn down");
                }
                headerDone = headerDone || header.Test() != null;
                payloadDone = payloadDone || payload.Test() != null;
                return headerDone && payloadDone ? new int[] {dest, tag, count} : null;
            }

            @Override
            public void block(long nanos) {
                MpjDevice.Completion.block((payload != null ? payload : header).req, nanos);
            }

            @Override
            public long progress() {
                return MpjDevice.Completion.bytesMoved((payload != null ? payload : header).req);
            }
        };
    }

    /** The arrivals thread: receives each header, and hands its message over in order. */
    private void receiveHeaders() {
        byte[] head = new byte[HEADER_BYTES + INLINE_BYTES];
        try {
            while (!closed) {
                Request r = world.Irecv(head, 0, head.length, MPI.BYTE, MPI.ANY_SOURCE, HEADER_TAG);
                Status s = r.Test();
                while (s == null && !closed) {
                    MpjDevice.Completion.block(r.req, POLL_NANOS);
                    if (!closed) { // a tear-down completes the request with nothing in it: not tested then
                        s = r.Test();
                    }
                }
                if (s != null) {
                    arrived(ByteBuffer.wrap(head, 0, s.Get_count(MPI.BYTE)).order(ByteOrder.LITTLE_ENDIAN), s.source);
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                String why = "this JVM's MPJ Express endpoint " + world.Rank() + " stopped receiving: " + e;
                LOG.log(System.Logger.Level.WARNING, why, e);
                arrivals.lost(why);
            }
        }
    }

    private void arrived(ByteBuffer b, int fromEndpoint) {
        int source = b.getInt();
        int dest = b.getInt();
        int channel = b.getInt();
        int tag = b.getInt();
        ArrayKind kind = ArrayKind.values()[b.getInt()];
        int count = b.getInt();
        int payloadTag = b.getInt();
        if (payloadTag == BYE || payloadTag == BYE_RECEIVED) {
            synchronized (this) {
                if (payloadTag == BYE) {
                    byes++;
                } else {
                    byesReceived++;
                }
                notifyAll();
            }
            return;
        }
        if (payloadTag == 0) {
            arrivals.arrivedOrDropped(source, dest, channel, tag, kind, Packing.unpack(kind, b, count), count, true);
            return;
        }
        Object data = kind.newArray(count);
        Arrivals.Arrival arrival = arrivals.arrivedOrDropped(source, dest, channel, tag, kind, data, count, false);
        Request elements = world.Irecv(data, 0, count, TYPES[kind.ordinal()], fromEndpoint, payloadTag);
        payloads.execute(() -> awaitElements(elements, arrival));
    }

    private void awaitElements(Request elements, Arrivals.Arrival arrival) {
        try {
            Status s = elements.Test();
            while (s == null && !closed) {
                MpjDevice.Completion.block(elements.req, POLL_NANOS);
                if (!closed) {
                    s = elements.Test();
                }
            }
            if (arrival == null) {
                return;
            }
            if (s != null) {
                arrival.filled();
            } else {
                arrival.failed(new IllegalStateException("this JVM's MPJ Express endpoint was torn down before the "
                        + "message's elements arrived"));
            }
        } catch (RuntimeException e) {
            if (arrival != null) {
                arrival.failed(new IllegalStateException("receiving a message's elements failed: " + e, e));
            }
        }
    }

    /** MPJ Express's own allreduce over its world: one rank per JVM, so only meaningful with one rank each. */
    @Override
    public void allreduceSum(double[] sendbuf, double[] recvbuf) {
        world.Allreduce(sendbuf, 0, recvbuf, 0, sendbuf.length, MPI.DOUBLE, MPI.SUM);
    }

    @Override
    public String processorName() {
        return MPI.Get_processor_name();
    }

    /**
     * Closes in two rounds of goodbyes, so that no endpoint closes its sockets (which may reset the
     * connection and drop what the peer has not read yet) while another still waits for something
     * from it: each endpoint says goodbye and waits for every other one's; then says it has them
     * all, and waits (briefly: nobody needs its data any more) for the others to say the same.
     * Not {@code MPI.Finalize}: its barrier's receives fail beside our posted one, and every rank
     * of the world has passed the bridge's closing barrier already. Blocks until the first round
     * ends: call it with a bound, and {@link #kill} after it (which closes the sockets).
     */
    @Override
    public void finish() {
        int others = world.Size() - 1;
        sayToAll(BYE);
        if (!awaitGoodbyes(() -> byes, others, Long.MAX_VALUE)) {
            return;
        }
        try {
            sayToAll(BYE_RECEIVED);
        } catch (RuntimeException peerClosed) {
            // a peer that had every goodbye waited no longer for ours and closed: nobody needs data from here
            LOG.log(System.Logger.Level.DEBUG, "a peer closed before the second goodbye: " + peerClosed);
        }
        awaitGoodbyes(() -> byesReceived, others, System.nanoTime() + LAST_GOODBYE_MILLIS * 1_000_000L);
        closed = true; // the arrivals thread ends when the kill that follows releases its receive
        payloads.shutdown();
    }

    /** Says {@code goodbye} to every other endpoint; a send that fails is thrown once the others went out. */
    private void sayToAll(int goodbye) {
        ByteBuffer bye = header(-1, -1, 0, 0, ArrayKind.BYTE, 0, goodbye, 0);
        RuntimeException failed = null;
        for (int e = 0; e < world.Size(); e++) {
            if (e != world.Rank()) {
                try {
                    world.Send(bye.array(), 0, bye.capacity(), MPI.BYTE, e, HEADER_TAG);
                } catch (RuntimeException sendFailed) {
                    failed = sendFailed;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Waits until {@code count} reaches {@code others}, the endpoint is killed or the deadline passes; whether it reached. */
    private synchronized boolean awaitGoodbyes(java.util.function.IntSupplier count, int others, long deadline) {
        while (count.getAsInt() < others) {
            long left = deadline == Long.MAX_VALUE ? 100 : (deadline - System.nanoTime()) / 1_000_000L;
            if (closed || left <= 0) {
                return false;
            }
            try {
                wait(Math.min(100, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void kill() {
        closed = true;
        payloads.shutdownNow();
        MpjDevice.killDevice(device);
    }

    /** Tears down whatever device this loader's MPJ Express started, even if {@code MPI.Init} never returned. */
    public static void killDevice() {
        MpjDevice.killDevice();
    }
}
