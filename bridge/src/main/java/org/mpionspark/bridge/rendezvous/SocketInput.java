package org.mpionspark.bridge.rendezvous;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * A channel's socket stream that fails as a plain socket's does when it is closed under its
 * reader: with a {@link SocketException}, the end the control loop expects, not a
 * {@link ClosedChannelException}.
 */
final class SocketInput extends FilterInputStream {

    SocketInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ClosedChannelException e) {
            throw closed(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ClosedChannelException e) {
            throw closed(e);
        }
    }

    private static SocketException closed(ClosedChannelException e) {
        SocketException s = new SocketException("Socket closed");
        s.initCause(e);
        return s;
    }
}
