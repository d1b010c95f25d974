package org.mpionspark.bridge.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mpionspark.bridge.transport.ArrayKind;

/** A thread gets back the arrays it gave, the smallest that fits, of the kind asked; other threads never do. */
class ScratchTest {

    @Test
    void aThreadReusesTheSmallestArrayThatFitsOfItsKind() {
        Object big = Scratch.take(ArrayKind.DOUBLE, 1000);
        Object small = Scratch.take(ArrayKind.DOUBLE, 10);
        assertEquals(1000, ((double[]) big).length);
        Scratch.give(ArrayKind.DOUBLE, big);
        Scratch.give(ArrayKind.DOUBLE, small);
        assertSame(small, Scratch.take(ArrayKind.DOUBLE, 7), "the smallest that fits");
        assertSame(big, Scratch.take(ArrayKind.DOUBLE, 7), "then the next");
        Object fresh = Scratch.take(ArrayKind.DOUBLE, 7);
        assertEquals(7, ((double[]) fresh).length, "none left: a new one of the size asked");
        Scratch.give(ArrayKind.DOUBLE, big);
        assertTrue(Scratch.take(ArrayKind.LONG, 7) instanceof long[], "another kind never gets it");
        assertTrue(Scratch.take(ArrayKind.OBJECT, 7) instanceof byte[]);
        assertSame(big, Scratch.take(ArrayKind.DOUBLE, 1000));
    }

    @Test
    void anotherThreadNeverGetsThisThreadsArrays() throws Exception {
        Object mine = Scratch.take(ArrayKind.INT, 100);
        Scratch.give(ArrayKind.INT, mine);
        AtomicReference<Object> theirs = new AtomicReference<>();
        Thread t = new Thread(() -> theirs.set(Scratch.take(ArrayKind.INT, 100)));
        t.start();
        t.join();
        assertNotSame(mine, theirs.get());
        assertSame(mine, Scratch.take(ArrayKind.INT, 100));
    }

    @Test
    void keepsTheLargestFewWhenMoreAreGiven() {
        Object[] given = new Object[6];
        for (int i = 0; i < given.length; i++) {
            given[i] = Scratch.take(ArrayKind.SHORT, (i + 1) * 100);
        }
        for (Object a : given) {
            Scratch.give(ArrayKind.SHORT, a);
        }
        assertSame(given[2], Scratch.take(ArrayKind.SHORT, 1), "the two smallest were dropped");
    }
}
