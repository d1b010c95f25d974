package org.mpionspark.bridge.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The JVM's table of memory worlds: a world stays while one of its ranks is in it, and a rank joins once. */
class MemoryWorldTest {

    @Test
    void aWorldStaysUntilItsLastRankLeavesHoweverOftenTheOthersLeave() {
        int before = MemoryWorld.open();
        MemoryWorld w = MemoryWorld.join("test/leave-twice", 2, 0);
        MemoryWorld.join("test/leave-twice", 2, 1);
        w.leave(0);
        w.leave(0); // finish, then the tear-down's kill
        assertEquals(before + 1, MemoryWorld.open(), "rank 1 is still in it");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MemoryWorld.join("test/leave-twice", 2, 0));
        assertEquals("rank 0 cannot join the memory world test/leave-twice of 2 ranks (size 2, rank already there)",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> MemoryWorld.join("test/leave-twice", 3, 1));
        w.leave(1);
        assertEquals(before, MemoryWorld.open(), "the last rank out removed it");
    }

    @Test
    void whenNothingMoreCanArriveFromOtherJvmsEveryWaitingReceiveFailsSayingWhy() {
        MemoryWorld w = MemoryWorld.join("test/lost", 3, 0);
        MemoryTransport t = new MemoryTransport(w, 0, java.util.List.of("here", "there", "there"), true, "host");
        org.mpionspark.bridge.transport.Transport.Pending r = t.irecv(0, org.mpionspark.bridge.transport.ArrayKind.INT,
                new int[1], 0, 1, 1, 5);
        w.lost("this JVM's MPJ Express endpoint 0 stopped receiving: boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, r::test);
        assertEquals("rank 0 was torn down before it received this message: this JVM's MPJ Express endpoint 0 "
                + "stopped receiving: boom", e.getMessage());
        w.leave(0);
    }
}
