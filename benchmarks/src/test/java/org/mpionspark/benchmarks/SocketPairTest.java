package org.mpionspark.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.local.LocalWorld;

/** Rank 0 of the loopback baseline takes rank 1's connection, not one another local process made first. */
@Timeout(60)
class SocketPairTest {

    @Test
    void aConnectionMadeBeforeRankOnesIsClosedAndRankOnesIsTaken() {
        List<Integer> out = LocalWorld.run(2, comm -> {
            if (comm.rank() == 0) {
                try (SocketPair pair = SocketPair.open(comm)) {
                    ByteBuffer buf = ByteBuffer.allocateDirect(8).putLong(0, 42);
                    pair.pingPong(0, buf);
                    return (int) buf.flip().getLong();
                }
            }
            int[] port = new int[1]; // rank 1 as SocketPair.open does it, with a silent stranger connecting first
            comm.recv(port, 0, 9);
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port[0]);
            try (SocketChannel stranger = SocketChannel.open(at); SocketChannel ch = SocketChannel.open(at)) {
                comm.send(new int[] {((InetSocketAddress) ch.getLocalAddress()).getPort()}, 0, 10);
                ByteBuffer buf = ByteBuffer.allocate(8);
                while (buf.hasRemaining()) {
                    ch.read(buf);
                }
                ch.write(buf.flip());
                return stranger.read(ByteBuffer.allocate(1)); // closed by rank 0: end of stream
            }
        });
        assertEquals(List.of(42, -1), out);
    }
}
