package org.mpionspark.bridge.wait;

import java.util.stream.IntStream;

import org.mpionspark.mpi.Request;

/**
 * {@code Request.waitAny}, {@code waitSome}, {@code testAny}, {@code testSome} and {@code testAll}
 * over one rank's requests, through its {@link Waiter}: a wait is one blocking call like any other
 * (bounded by the op timeout, freed by an abort, reported to the watchdog as
 * {@code waitAny(recv(...), ...)}), and a test is a poll the {@link PollWatch} sees.
 */
final class RequestWaits implements Request.Waits {

    /** Requests named in a call's name; more are counted. */
    private static final int NAMED = 4;

    private final Waiter waiter;

    RequestWaits(Waiter waiter) {
        this.waiter = waiter;
    }

    @Override
    public int[] waitSome(String call, Request[] requests) {
        return waiter.await(() -> {
            int[] done = waiter.insideWait(() -> completed(requests));
            return done.length > 0 ? done : null;
        }, name(call, requests), -1);
    }

    @Override
    public int[] testSome(String call, Request[] requests) {
        int all = "testAll".equals(call) ? requests.length : 1; // what completes testAll: every request
        return waiter.poll(() -> completed(requests), name(call, requests), -1,
                done -> done.length >= all ? -1 : done.length);
    }

    private static int[] completed(Request[] requests) {
        return IntStream.range(0, requests.length).filter(i -> requests[i].test().isPresent()).toArray();
    }

    /** E.g. "waitAny(recv(int[1], source=1, tag=0), recv(int[1], source=2, tag=0))": each request's own name. */
    static String name(String call, Request[] requests) {
        StringBuilder out = new StringBuilder(call).append('(');
        for (int i = 0; i < Math.min(NAMED, requests.length); i++) {
            out.append(i == 0 ? "" : ", ").append(requests[i]);
        }
        if (requests.length > NAMED) {
            out.append(" and ").append(requests.length - NAMED).append(" more");
        }
        return out.append(')').toString();
    }
}
