package org.mpionspark.bridge.rendezvous;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/** An admitted rank's connection to the driver: its streams, its peer entry and what it is doing. */
final class RankConnection {
    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;
    final int rank;
    final Peer peer;
    final RankActivity activity;
    World world;
    volatile boolean done;

    RankConnection(Socket socket, DataInputStream in, DataOutputStream out, int rank, Peer peer) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.rank = rank;
        this.peer = peer;
        this.activity = new RankActivity(rank);
    }

    synchronized void send(byte kind, int rank, String message, byte[] error) {
        try {
            out.writeByte(kind);
            out.writeInt(rank);
            out.writeUTF(RendezvousServer.truncate(message));
            Wire.writeBlob(out, error == null ? new byte[0] : error);
            out.flush();
        } catch (IOException ignored) {
            // the rank is gone; its own loss is handled by its reader
        }
    }
}
