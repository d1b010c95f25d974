package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Transport;

/**
 * A send to a JVM that reads nothing (frozen, not dead: its connection stays open) does not block
 * for ever: once a write has taken no byte for the operation timeout, the lane is given up and the
 * send fails, naming the lane and why.
 */
@Timeout(60)
class LaneWriteTimeoutTest {

    @Test
    void aWriteToAJvmThatReadsNothingFailsAfterTheOperationTimeout() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel mine = SocketChannel.open(server.getLocalAddress());
             SocketChannel frozen = server.accept()) { // the other JVM: never reads
            Lane lane = new Lane(1, "endpoint 1 (frozen)", mine);
            LaneEndpoint endpoint = new LaneEndpoint("endpoint 0 of 2 (test)", new Lane[] {null, lane}, new int[] {0, 1},
                    new Arrivals() {
                        @Override
                        public Arrival arrived(int source, int dest, int channel, int tag, ArrayKind kind, Object data,
                                               int count, boolean filled) {
                            throw new AssertionError("nothing comes from a JVM that is frozen");
                        }

                        @Override
                        public void lost(String why) {
                        }
                    }, new FakeMpj.Starter(1, 2, false, 1_000), r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    }, 300);
            try {
                Transport.Pending sent = endpoint.send(0, Transport.USER, ArrayKind.DOUBLE, new double[8 << 20], 0,
                        8 << 20, 1, 5); // 64 MB: more than any socket buffer holds
                IllegalStateException e = assertThrows(IllegalStateException.class, sent::test);
                assertTrue(e.getMessage().startsWith("the lane to endpoint 1 (frozen), where rank 1 lives, took no byte "
                        + "for more than 300 ms (spark.mpi.op.timeout)"), e.getMessage());
            } finally {
                endpoint.kill();
            }
        }
    }
}
