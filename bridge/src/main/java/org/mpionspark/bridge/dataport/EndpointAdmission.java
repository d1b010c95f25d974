package org.mpionspark.bridge.dataport;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mpionspark.bridge.rendezvous.HandshakeSelector;
import org.mpionspark.bridge.rendezvous.RefusalLog;

/**
 * What every data port admits, MPJ Express's and the lanes': each endpoint after this one in the
 * world, once, by a {@link DataHandshake} made with the world's key, answered with this side's
 * proof; anything else is closed without a byte and logged. Subclasses say where an admitted
 * connection goes ({@link #handOver}).
 */
abstract class EndpointAdmission implements HandshakeSelector.Admission<DataHandshake.Hello> {

    private final byte[] key;
    private final RefusalLog refusals;
    private final Set<Integer> connected = new HashSet<>();
    /** This endpoint's place in the world: -1 until known (a lane port opens before the table comes). */
    private int index;
    private int size;
    /** Hellos admitted before the place was known, to check against it then. */
    private final List<DataHandshake.Hello> early = new ArrayList<>();

    /**
     * For endpoint {@code index} of {@code size} (-1 and -1: not known yet, see {@link #placeAt}) of
     * the world whose key is {@code key}; refusals logged to {@code refusals}.
     */
    EndpointAdmission(byte[] key, int index, int size, RefusalLog refusals) {
        this.key = key.clone();
        this.index = index;
        this.size = size;
        this.refusals = refusals;
    }

    /**
     * Places an admission made before its endpoint's place was known at {@code index} of
     * {@code size}; why a hello it admitted before could not be one for that place, or null.
     */
    synchronized String placeAt(int index, int size) {
        this.index = index;
        this.size = size;
        for (DataHandshake.Hello h : early) {
            String why = DataHandshake.misplaced(h, index, size);
            if (why != null) {
                return "endpoint " + h.connector() + " called before this JVM had the world's table, and " + why;
            }
        }
        early.clear();
        return null;
    }

    /** The port the other endpoints reach, which their hellos name. */
    abstract int port();

    /** Takes a connection whose handshake held, from endpoint {@code endpoint}; throwing refuses it. */
    abstract void handOver(SocketChannel channel, int endpoint) throws IOException;

    RefusalLog refusals() {
        return refusals;
    }

    @Override
    public int maxBytes() {
        return DataHandshake.HELLO_BYTES;
    }

    @Override
    public HandshakeSelector.Handshake<DataHandshake.Hello> parse(byte[] buf, int length) throws ProtocolException {
        return DataHandshake.handshake(buf, length);
    }

    @Override
    public synchronized String check(DataHandshake.Hello h) {
        if (index >= 0) {
            return DataHandshake.refusal(key, h, index, size, port(), connected);
        }
        String why = DataHandshake.refusal(key, h, port(), connected);
        if (why == null) {
            early.add(h);
        }
        return why;
    }

    @Override
    public void admit(SocketChannel channel, DataHandshake.Hello h, byte[] leftover) {
        try {
            DataHandshake.answer(channel, key, h, leftover);
            handOver(channel, h.connector());
        } catch (IOException | RuntimeException e) {
            refusals.refused(String.valueOf(remote(channel)), "endpoint " + h.connector() + ": " + e.getMessage());
            close(channel);
        }
    }

    @Override
    public byte[] refusal(String reason) {
        return new byte[0]; // nothing for a stranger to learn; an endpoint refused fails on the closed connection
    }

    static Object remote(SocketChannel c) {
        try {
            return c.getRemoteAddress();
        } catch (IOException e) {
            return "?";
        }
    }

    static void close(SocketChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // refused either way
            }
        }
    }
}
