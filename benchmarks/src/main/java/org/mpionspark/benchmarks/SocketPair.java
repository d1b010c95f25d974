package org.mpionspark.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.mpionspark.mpi.Communicator;

/**
 * The limit of any TCP path between ranks 0 and 1: a plain socket between their threads (blocking
 * NIO, direct buffers, TCP_NODELAY), opened inside the same stage so that it is timed alternately
 * with our API. Rank 0 listens on loopback (local and local-cluster masters: one host), or on its
 * executor's address where the worker set {@code SPARK_LOCAL_IP} (the namespace cluster's do).
 */
final class SocketPair implements AutoCloseable {

    private final SocketChannel channel;

    private SocketPair(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /**
     * Rank 0 listens and sends its address and port to rank 1, which connects and sends back its own
     * port: rank 0 takes that connection only, closing any other process's; called by both.
     */
    static SocketPair open(Communicator comm) throws IOException {
        if (comm.rank() == 0) {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(listenAddress(), 0));
                InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
                byte[] ip = bound.getAddress().getAddress();
                comm.send(new int[] {bound.getPort()}, 1, 9);
                comm.send(ip, 1, 11);
                int[] peer = new int[1];
                comm.recv(peer, 1, 10); // rank 1 is connected now: its connection waits in the backlog
                while (true) {
                    SocketChannel ch = server.accept();
                    if (((InetSocketAddress) ch.getRemoteAddress()).getPort() == peer[0]) {
                        return new SocketPair(ch);
                    }
                    System.err.println("SocketPair: closed a connection from " + ch.getRemoteAddress()
                            + ", not rank 1's");
                    ch.close();
                }
            }
        }
        int[] port = new int[1];
        comm.recv(port, 0, 9);
        byte[] ip = new byte[16];
        int length = comm.recv(ip, 0, 11).count();
        SocketChannel ch = SocketChannel.open(new InetSocketAddress(
                InetAddress.getByAddress(java.util.Arrays.copyOf(ip, length)), port[0]));
        comm.send(new int[] {((InetSocketAddress) ch.getLocalAddress()).getPort()}, 0, 10);
        return new SocketPair(ch);
    }

    /** Loopback, or the address {@code SPARK_LOCAL_IP} names (a worker in its own network namespace). */
    private static InetAddress listenAddress() throws IOException {
        String local = System.getenv("SPARK_LOCAL_IP");
        return local == null || local.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(local);
    }

    /** One round trip of {@code buf}'s bytes: rank 0 sends then receives, rank 1 echoes. */
    void pingPong(int rank, ByteBuffer buf) {
        try {
            transfer(buf, rank == 0);
            transfer(buf, rank != 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void transfer(ByteBuffer buf, boolean write) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if ((write ? channel.write(buf) : channel.read(buf)) < 0) {
                throw new IOException("the peer closed the socket");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
