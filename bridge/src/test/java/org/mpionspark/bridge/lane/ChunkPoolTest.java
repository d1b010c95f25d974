package org.mpionspark.bridge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lanes' buffers serve world after world of a JVM, and only a lane that ended in order gives them back. */
@Timeout(60)
class ChunkPoolTest {

    @Test
    void lanesThatEndInOrderLeaveTheirBuffersToTheNextAndKilledOnesDoNot() throws Exception {
        while (ChunkPool.idle() > 0) {
            ChunkPool.take();
        }
        try (LanePair pair = pair()) {
            pair.finish();
        }
        assertEquals(4, ChunkPool.idle(), "two lanes' ends, two buffers each");
        try (LanePair next = pair()) {
            assertEquals(0, ChunkPool.idle(), "the next world's lanes took them");
            next.zero.kill();
            next.one.kill();
        }
        assertEquals(0, ChunkPool.idle(), "a lane torn down may still be written: its buffers are not kept");
    }

    private static LanePair pair() throws java.io.IOException {
        return new LanePair(new FakeMpj.Starter(1, 2, false, 10_000), new FakeMpj.Starter(3, 4, false, 10_000));
    }
}
