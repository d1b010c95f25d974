package org.mpionspark.bridge.rendezvous;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Accepts connections and reads their handshakes on one thread, without blocking: until its
 * handshake is complete a connection costs a small buffer, not a thread, and it is cut when the
 * handshake is not complete by one deadline counted from its accept. At most {@link #MAX_PENDING}
 * handshakes are under way; a connection beyond that is refused at once. Every port the product
 * listens on takes its connections through one of these, so no local process can hold one.
 *
 * @param <H> the handshake of the port's protocol
 */
public final class HandshakeSelector<H> implements Closeable {

    /** Handshakes under way at most; one more is refused at once (each costs a file descriptor). */
    public static final int MAX_PENDING = 1024;
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A port's protocol as far as the handshake goes, and what its server does with a complete one. */
    public interface Admission<H> {
        /** The longest handshake accepted, in bytes. */
        int maxBytes();

        /**
         * The handshake in {@code buf[0, length)}, or null while it is incomplete.
         *
         * @throws ProtocolException with a reason fit to send back, when the bytes cannot be a handshake
         */
        Handshake<H> parse(byte[] buf, int length) throws ProtocolException;

        /** Why {@code hello} is refused, or null to take it; runs on the selector thread, so it must not block. */
        String check(H hello);

        /** Takes over {@code channel}, now blocking, and the bytes that came after the handshake; must not block. */
        void admit(SocketChannel channel, H hello, byte[] leftover);

        /** The protocol's refusal, sent (if the client reads) before the connection is closed. */
        byte[] refusal(String reason);
    }

    /** A parsed handshake and the bytes that followed it in the buffer. */
    public record Handshake<H>(H hello, byte[] leftover) {
    }

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final long deadlineNanos;
    private final Admission<H> admission;
    private final RefusalLog refusals;
    private final Set<Pending<H>> pending = new LinkedHashSet<>(); // deadline order; selector thread only
    private final List<Pending<H>> handoffs = new ArrayList<>();
    private final Thread thread;
    private long acceptPausedUntil;
    private boolean acceptPaused;
    private volatile int pendingCount;
    private volatile boolean closed;

    /**
     * Listens on {@code bindAddress} and starts the selector thread from {@code threads}; a
     * connection whose handshake is not complete within {@code handshakeTimeoutMillis} of its
     * accept is refused, and every refusal goes to {@code refusals}.
     */
    public HandshakeSelector(InetSocketAddress bindAddress, long handshakeTimeoutMillis, Admission<H> admission,
                             RefusalLog refusals, ThreadFactory threads) throws IOException {
        if (handshakeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("the handshake timeout must be positive, not " + handshakeTimeoutMillis);
        }
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(handshakeTimeoutMillis);
        this.admission = admission;
        this.refusals = refusals;
        this.listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(bindAddress, 256);
            listener.configureBlocking(false);
            selector = Selector.open();
            acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            closeQuietly(listener);
            throw e;
        }
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** The address and port the listener is bound to. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.socket().getLocalSocketAddress();
    }

    /** Connections whose handshake is under way. */
    public int pending() {
        return pendingCount;
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select(this::ready, timeoutMillis());
                handOff();
                expire();
                resumeAccepting();
                refusals.flushIfDue();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                System.getLogger(HandshakeSelector.class.getName()).log(System.Logger.Level.ERROR,
                        refusals.port() + ": the handshake selector failed, no connection is admitted any more", e);
            }
        } finally {
            for (Pending<H> p : pending) {
                closeQuietly(p.channel);
            }
            pending.clear();
            pendingCount = 0;
            closeQuietly(selector);
            closeQuietly(listener);
            refusals.flush(); // a summary still due would otherwise wait for the next refusal
        }
    }

    /** Until the next deadline, the next refusal summary or accepts resume; a minute at most. */
    private long timeoutMillis() {
        long now = System.nanoTime();
        long next = RefusalLog.WINDOW_NANOS;
        long summaryDue = refusals.nextDueNanos();
        if (summaryDue != Long.MAX_VALUE) { // nanoTime may be negative: no MAX_VALUE - now
            next = Math.min(next, summaryDue - now);
        }
        if (!pending.isEmpty()) {
            next = Math.min(next, pending.iterator().next().deadline - now);
        }
        if (acceptPaused) {
            next = Math.min(next, acceptPausedUntil - now);
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
    }

    private void ready(SelectionKey key) {
        if (key == acceptKey) {
            acceptAll();
            return;
        }
        @SuppressWarnings("unchecked")
        Pending<H> p = (Pending<H>) key.attachment();
        try {
            read(p);
        } catch (IOException | RuntimeException e) {
            refuse(p, "connection failed during the handshake: " + e);
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (IOException e) { // out of file descriptors, say: pause instead of spinning on it
                refusals.refused("(accept)", "accept failed: " + e);
                acceptKey.interestOps(0);
                acceptPaused = true;
                acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                return;
            }
            if (ch == null) {
                return;
            }
            String from = String.valueOf(ch.socket().getRemoteSocketAddress());
            if (pending.size() >= MAX_PENDING) {
                sendRefusal(ch, from, MAX_PENDING + " handshakes are under way already");
                continue;
            }
            try {
                ch.configureBlocking(false);
                Pending<H> p = new Pending<>(ch, from, System.nanoTime() + deadlineNanos);
                p.key = ch.register(selector, SelectionKey.OP_READ, p);
                pending.add(p);
                pendingCount = pending.size();
            } catch (IOException e) {
                sendRefusal(ch, from, "could not start its handshake: " + e);
            }
        }
    }

    private void resumeAccepting() {
        if (acceptPaused && System.nanoTime() - acceptPausedUntil >= 0) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void read(Pending<H> p) throws IOException {
        int n = p.channel.read(p.buf);
        if (n < 0) {
            refuse(p, "closed the connection during the handshake");
            return;
        }
        Handshake<H> parsed;
        try {
            parsed = admission.parse(p.buf.array(), p.buf.position());
        } catch (ProtocolException e) {
            refuse(p, e.getMessage());
            return;
        }
        if (parsed == null) {
            if (!p.buf.hasRemaining()) {
                if (p.buf.capacity() >= admission.maxBytes()) {
                    refuse(p, "handshake longer than " + admission.maxBytes() + " bytes");
                    return;
                }
                p.buf = ByteBuffer.allocate(admission.maxBytes()).put(p.buf.flip());
            }
            return;
        }
        String reason = admission.check(parsed.hello());
        if (reason != null) {
            refuse(p, reason);
            return;
        }
        pending.remove(p);
        pendingCount = pending.size();
        p.key.cancel();
        p.parsed = parsed;
        handoffs.add(p);
    }

    /** Hands complete handshakes over, once their cancelled keys are flushed so they may block. */
    private void handOff() throws IOException {
        while (!handoffs.isEmpty()) {
            List<Pending<H>> batch = new ArrayList<>(handoffs);
            handoffs.clear();
            selector.selectNow(this::ready);
            for (Pending<H> p : batch) {
                try {
                    p.channel.configureBlocking(true);
                    admission.admit(p.channel, p.parsed.hello(), p.parsed.leftover());
                } catch (IOException | RuntimeException e) {
                    sendRefusal(p.channel, p.from, "could not be handed over: " + e);
                }
            }
        }
    }

    private void expire() {
        long now = System.nanoTime();
        while (!pending.isEmpty()) {
            Pending<H> p = pending.iterator().next();
            if (p.deadline - now > 0) {
                return;
            }
            refuse(p, "handshake not complete within " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms");
        }
    }

    private void refuse(Pending<H> p, String reason) {
        pending.remove(p);
        pendingCount = pending.size(); // before the refusal is counted: who sees the count sees this too
        p.key.cancel();
        sendRefusal(p.channel, p.from, reason);
    }

    /** Logs the refusal, tells the client why if it listens (never blocking), and closes. */
    private void sendRefusal(SocketChannel ch, String from, String reason) {
        refusals.refused(from, reason);
        try {
            ch.configureBlocking(false);
            ch.write(ByteBuffer.wrap(admission.refusal(reason)));
        } catch (IOException | RuntimeException ignored) {
            // it is gone, or does not read: closed below either way
        }
        closeQuietly(ch);
    }

    /** Stops accepting, refuses nothing more and closes every connection whose handshake is under way. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() == thread) {
            return; // an admission that closes its own port: the loop ends once this call returns
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** A connection whose handshake is under way. */
    private static final class Pending<H> {
        final SocketChannel channel;
        final String from;
        final long deadline;
        SelectionKey key;
        ByteBuffer buf = ByteBuffer.allocate(256);
        Handshake<H> parsed;

        Pending(SocketChannel channel, String from, long deadline) {
            this.channel = channel;
            this.from = from;
            this.deadline = deadline;
        }
    }
}
