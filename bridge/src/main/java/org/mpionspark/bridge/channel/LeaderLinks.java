package org.mpionspark.bridge.channel;

import org.mpionspark.bridge.collective.Links;
import org.mpionspark.bridge.transport.ArrayKind;

/** A call as the leaders of each JVM see it: their index among the leaders is their rank; messages go through the call. */
final class LeaderLinks implements Links {
    private final ChannelCall call;
    private final int[] leaders;
    private final int me;

    LeaderLinks(ChannelCall call, int[] leaders) {
        this.call = call;
        this.leaders = leaders;
        this.me = java.util.Arrays.binarySearch(leaders, call.rank());
    }

    @Override
    public int rank() {
        return me;
    }

    @Override
    public int size() {
        return leaders.length;
    }

    @Override
    public boolean coresShared() {
        return call.coresShared();
    }

    @Override
    public void send(ArrayKind kind, Object buf, int offset, int count, int dest) {
        call.send(kind, buf, offset, count, leaders[dest]);
    }

    @Override
    public void recv(ArrayKind kind, Object buf, int offset, int count, int source) {
        call.recv(kind, buf, offset, count, leaders[source]);
    }

    @Override
    public void sendrecv(ArrayKind kind, Object sendbuf, int sendOffset, int sendCount, int dest,
                         Object recvbuf, int recvOffset, int recvCount, int source) {
        call.sendrecv(kind, sendbuf, sendOffset, sendCount, leaders[dest], recvbuf, recvOffset, recvCount,
                leaders[source]);
    }
}
