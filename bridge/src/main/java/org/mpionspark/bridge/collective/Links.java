package org.mpionspark.bridge.collective;

import org.mpionspark.bridge.transport.ArrayKind;

/**
 * Point-to-point on the collective channel, as a collective algorithm needs it: every call
 * blocks until done and ends with an error naming the operation and peer if the peer fails.
 */
public interface Links {

    int rank();

    int size();

    /**
     * Whether ranks outnumber the processors of some host ({@link org.mpionspark.bridge.rendezvous.Peer#coresShared}):
     * then every message costs CPU time the others are waiting for, and algorithms should send
     * fewer messages rather than use fewer rounds. The same on every rank.
     */
    boolean coresShared();

    void send(ArrayKind kind, Object buf, int offset, int count, int dest);

    void recv(ArrayKind kind, Object buf, int offset, int count, int source);

    /** Sends to {@code dest} and receives from {@code source} at once, so rings cannot deadlock. */
    void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                  Object recvbuf, int recvOffset, int recvCount, int source);
}
