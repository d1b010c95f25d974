package org.mpionspark.bridge.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A capture takes its own thread's (and its children's) output, bounded, and nobody else's. */
@Timeout(30)
class ThreadOutputTest {

    @Test
    void aCaptureKeepsItsThreadsOutputAndItsChildrensButNotOthers() throws Exception {
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread outsider = new Thread(() -> {
            try (ThreadOutput.Capture mine = ThreadOutput.start(true, true, 1 << 10)) {
                System.out.println("outsider line");
                other.complete(mine.stdout());
            }
        });
        try (ThreadOutput.Capture c = ThreadOutput.start(true, false, 1 << 10)) {
            System.out.println("one");
            Thread child = new Thread(() -> System.out.println("from a child"));
            child.start();
            child.join();
            outsider.start();
            outsider.join();
            System.err.println("stderr is not captured here");
            assertEquals("one\nfrom a child\n", c.stdout().replace(System.lineSeparator(), "\n"));
            assertEquals("", c.stderr());
        }
        assertEquals("outsider line\n", other.get().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void outputPastTheLimitIsCountedNotKept() {
        try (ThreadOutput.Capture c = ThreadOutput.start(true, true, 8)) {
            System.out.print("0123456789abcdef");
            assertTrue(c.stdout().startsWith("01234567\n[... 8 more bytes not kept]"), c.stdout());
        }
    }
}
