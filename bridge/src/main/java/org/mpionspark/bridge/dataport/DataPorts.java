package org.mpionspark.bridge.dataport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * What MPJ Express's {@code niodev} calls instead of the JDK where it binds, accepts and makes its
 * data connections (the calls {@code bridge.loader.NiodevPatch} redirects): each goes to the
 * {@link PortGuard} of the endpoint whose start-up runs on the calling thread.
 */
public final class DataPorts {

    private DataPorts() {
    }

    /** For {@code socket.bind(requested)}: listens at the executor's address, on the port asked for. */
    public static void bind(ServerSocket socket, SocketAddress requested) throws IOException {
        PortGuard.current().bind(socket, requested);
    }

    /** For {@code server.accept()}: a connection of this world's endpoints, and never another. */
    public static SocketChannel accept(ServerSocketChannel server) throws IOException {
        return PortGuard.current().accept(server);
    }

    /** For {@code channel.connect(remote)}: connects, then proves this endpoint belongs to the world. */
    public static boolean connect(SocketChannel channel, SocketAddress remote) throws IOException {
        return PortGuard.current().connect(channel, remote);
    }

    /** For {@code socket.getLocalPort()}, by which niodev tells its listeners apart: the port the others reach. */
    public static int localPort(ServerSocket socket) {
        PortGuard g = PortGuard.currentOrNull();
        return g != null ? g.localPort(socket) : socket.getLocalPort();
    }

    /** For {@code key.isAcceptable()} in niodev's selector loop. */
    public static boolean acceptable(SelectionKey key) {
        PortGuard g = PortGuard.currentOrNull();
        return g != null ? g.acceptable(key) : key.isAcceptable();
    }
}
