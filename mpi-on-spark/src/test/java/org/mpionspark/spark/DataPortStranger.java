package org.mpionspark.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.mpionspark.bridge.dataport.PortGuard;

/**
 * A stranger inside an executor JVM: it knocks at every MPJ Express data port of this JVM the
 * moment it listens, with an HTTP request, and counts what comes back. One per JVM, started by a
 * rank, read by a later stage.
 */
final class DataPortStranger implements Runnable {

    private static DataPortStranger running;

    private final Set<InetSocketAddress> knocked = new HashSet<>();
    private volatile boolean stop;
    private int reached;
    private int answered;

    private DataPortStranger() {
    }

    /** Starts this JVM's stranger, once. */
    static synchronized void start() {
        if (running == null) {
            running = new DataPortStranger();
            Thread t = new Thread(running, "data-port stranger");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops this JVM's stranger: how many ports it reached while they listened, and how many answered it. */
    static synchronized int[] stop() {
        DataPortStranger s = running;
        if (s == null) {
            return new int[] {-1, -1};
        }
        s.stop = true;
        synchronized (s) {
            return new int[] {s.reached, s.answered};
        }
    }

    @Override
    public void run() {
        while (!stop) {
            for (InetSocketAddress port : PortGuard.listening()) {
                if (knocked.add(port)) {
                    knock(port);
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000); // a port listens for tens of ms at least
        }
    }

    private synchronized void knock(InetSocketAddress port) {
        try (Socket s = new Socket(port.getAddress(), port.getPort())) {
            reached++;
            s.setSoTimeout(30_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: executor\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (s.getInputStream().read() != -1) {
                answered++;
            }
        } catch (IOException refusedOrClosed) {
            // the world started first, or the port hung up: nothing read either way
        }
    }
}
