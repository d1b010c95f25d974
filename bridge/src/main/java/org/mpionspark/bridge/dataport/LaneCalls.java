package org.mpionspark.bridge.dataport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;

/**
 * The calls one endpoint makes to the lane ports of the endpoints before it, all under way at once
 * on one selector of the calling thread: each connects, says its {@link DataHandshake} hello and
 * checks the answer. A thread per call cost a start of a few milliseconds each, in series, where
 * executors share cores; here the last hello leaves as soon as the first.
 */
final class LaneCalls {

    /** How long one select waits before the deadline and the caller's stop are looked at again. */
    private static final long SLICE_MILLIS = 20;

    private final String label;
    private final byte[] key;
    private final int index;

    /** One call under way: its channel, hello, what has been written of it and read of the answer. */
    private static final class Call {
        final int acceptor;
        final String where;
        final SocketChannel channel;
        DataHandshake.Hello hello;
        ByteBuffer out;
        final ByteBuffer answer = ByteBuffer.allocate(DataHandshake.MAC_BYTES);

        Call(int acceptor, String where, SocketChannel channel) {
            this.acceptor = acceptor;
            this.where = where;
            this.channel = channel;
        }
    }

    LaneCalls(String label, byte[] key, int index) {
        this.label = label;
        this.key = key;
        this.index = index;
    }

    /**
     * Calls each endpoint of {@code acceptors} (its index, its lane port) within {@code timeoutMillis};
     * each lane made, past the handshake and non-blocking, goes to {@code made} with its endpoint.
     * Returns once every lane is made, or once {@code stop} holds (the rest closed).
     *
     * @throws DataPortException naming the first endpoint that could not be reached, refused or lacked the key;
     *                           the calls not yet made are closed
     */
    void run(Map<Integer, InetSocketAddress> acceptors, long timeoutMillis, BooleanSupplier stop,
             ObjIntConsumer<SocketChannel> made) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        List<Call> open = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (Map.Entry<Integer, InetSocketAddress> a : acceptors.entrySet()) {
                InetSocketAddress to = a.getValue();
                Call c = new Call(a.getKey(), to.getHostString() + ":" + to.getPort(), SocketChannel.open());
                open.add(c);
                c.channel.configureBlocking(false);
                boolean connected;
                try {
                    connected = c.channel.connect(to);
                } catch (IOException e) {
                    throw unreachable(c, e);
                }
                SelectionKey k = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                if (connected) {
                    greet(c, k);
                }
            }
            while (!selector.keys().isEmpty() && !stop.getAsBoolean()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    Call late = (Call) selector.keys().iterator().next().attachment();
                    throw late.hello == null
                            ? unreachable(late, new IOException("not connected within " + timeoutMillis + " ms"))
                            : new DataPortException(label + ": endpoint " + late.acceptor + " at " + late.where
                                    + " did not answer the data-port handshake in time");
                }
                selector.select(Math.min(left, SLICE_MILLIS));
                for (SelectionKey k : selector.selectedKeys()) {
                    Call c = (Call) k.attachment();
                    if (k.isConnectable()) {
                        boolean connected;
                        try {
                            connected = c.channel.finishConnect();
                        } catch (IOException e) {
                            throw unreachable(c, e);
                        }
                        if (connected) {
                            greet(c, k);
                        }
                    } else if (k.isWritable()) {
                        write(c, k);
                    } else if (k.isReadable() && read(c)) {
                        k.cancel();
                        open.remove(c);
                        made.accept(c.channel, c.acceptor);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new DataPortException(label + ": could not call the other endpoints' lane ports: " + e, e);
        } finally {
            for (Call c : open) {
                close(c.channel);
            }
        }
    }

    /** Sends the hello of call {@code c}, just connected ({@code k} its key), then waits for the answer. */
    private void greet(Call c, SelectionKey k) {
        c.hello = DataHandshake.hello(key, index, c.acceptor, c.channel.socket().getPort());
        c.out = ByteBuffer.wrap(DataHandshake.encode(c.hello));
        write(c, k);
    }

    private void write(Call c, SelectionKey k) {
        try {
            c.channel.write(c.out);
        } catch (IOException e) {
            throw handshakeFailed(c, e);
        }
        k.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what came of {@code c}'s answer; whether it is whole and holds. */
    private boolean read(Call c) {
        int n;
        try {
            n = c.channel.read(c.answer);
        } catch (IOException e) {
            throw handshakeFailed(c, e);
        }
        if (n < 0) {
            throw new DataPortException(DataHandshake.refusedBy(label, c.acceptor, c.where));
        }
        if (c.answer.hasRemaining()) {
            return false;
        }
        if (!DataHandshake.answered(key, c.hello, c.answer.array())) {
            throw new DataPortException(DataHandshake.notKeyed(label, c.acceptor, c.where));
        }
        return true;
    }

    private DataPortException unreachable(Call c, IOException e) {
        return new DataPortException(label + ": could not reach the lane port of endpoint " + c.acceptor + " at "
                + c.where + ": " + e, e);
    }

    private DataPortException handshakeFailed(Call c, IOException e) {
        return new DataPortException(label + ": the data-port handshake with endpoint " + c.acceptor + " at " + c.where
                + " failed: " + e, e);
    }

    private static void close(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
