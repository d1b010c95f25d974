package org.mpionspark.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The limit of any TCP path on this machine: two threads of this JVM bouncing a message over a
 * loopback socket pair (blocking NIO, direct buffers, TCP_NODELAY), timed like the ranks' ping-pong.
 */
final class RawSocketPingPong {

    private RawSocketPingPong() {
    }

    /** One-way milliseconds of {@code reps} repetitions of {@code inner} round trips of {@code bytes}. */
    static double[] time(long bytes, int inner, int reps, int warmup) throws IOException, InterruptedException {
        int size = (int) Math.max(8, bytes);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel a = SocketChannel.open(server.getLocalAddress()); SocketChannel b = server.accept()) {
                a.setOption(StandardSocketOptions.TCP_NODELAY, true);
                b.setOption(StandardSocketOptions.TCP_NODELAY, true);
                long rounds = (long) (warmup + reps) * inner;
                ByteBuffer echoBuf = ByteBuffer.allocateDirect(size);
                Thread echo = new Thread(() -> {
                    try {
                        for (long r = 0; r < rounds; r++) {
                            transfer(b, echoBuf, false);
                            transfer(b, echoBuf, true);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "raw-socket echo");
                echo.setDaemon(true);
                echo.start();
                ByteBuffer buf = ByteBuffer.allocateDirect(size);
                double[] ms = new double[reps];
                for (int i = -warmup; i < reps; i++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        transfer(a, buf, true);
                        transfer(a, buf, false);
                    }
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t0) / 1e6 / inner / 2;
                    }
                }
                echo.join(60_000);
                return ms;
            }
        }
    }

    private static void transfer(SocketChannel ch, ByteBuffer buf, boolean write) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if ((write ? ch.write(buf) : ch.read(buf)) < 0) {
                throw new IOException("the peer closed the socket");
            }
        }
    }
}
