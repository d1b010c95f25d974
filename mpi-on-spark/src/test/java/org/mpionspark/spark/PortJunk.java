package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mpionspark.spark.internal.CellServer;

/**
 * Another local process that connects to a new port of the driver before its ranks do (as the
 * outside probe did): silent connections, HTTP requests, handshakes with a forged secret or a rank
 * out of range, and connections that hang up at once.
 */
final class PortJunk implements Closeable {

    static final int SILENT = 40;
    static final int HTTP = 20;
    static final int FORGED = 10;
    static final int HANG_UP = 10;
    /** Every connection it makes: each one is refused. */
    static final int TOTAL = SILENT + HTTP + FORGED + 1 + HANG_UP;

    private final List<Socket> answered = new ArrayList<>(); // each gets a refusal frame

    private PortJunk() {
    }

    /** Makes the connections to {@code server}, before any rank can; they stay open until refused. */
    static PortJunk flood(CellServer server) {
        PortJunk junk = new PortJunk();
        try {
            InetSocketAddress to = server.address();
            for (int i = 0; i < SILENT; i++) {
                junk.answered.add(connect(to));
            }
            for (int i = 0; i < HTTP; i++) {
                Socket s = connect(to);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                junk.answered.add(s);
            }
            for (int i = 0; i <= FORGED; i++) { // the last one shows the true secret, for a rank out of range
                Socket s = connect(to);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(0x4d504943); // CellWire.MAGIC
                out.write(i < FORGED ? new byte[32] : server.ticket().secret());
                out.writeInt(i < FORGED ? 0 : 99);
                out.writeByte(1); // READY
                out.flush();
                junk.answered.add(s);
            }
            for (int i = 0; i < HANG_UP; i++) {
                connect(to).close(); // a port scan
            }
        } catch (IOException e) {
            junk.close();
            throw new java.io.UncheckedIOException(e);
        }
        return junk;
    }

    /**
     * How many connections were refused for each reason, as the server told them; the silent ones
     * are told when their handshake deadline passes.
     */
    Map<String, Integer> refusals() throws IOException {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Socket s : answered) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertEquals(5, in.readByte(), "CellWire.REFUSED");
            reasons.merge(in.readUTF(), 1, Integer::sum);
            assertEquals(-1, in.read(), "then the server closes the connection");
        }
        return reasons;
    }

    private static Socket connect(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.connect(to, 10_000);
        s.setSoTimeout(120_000); // the handshake deadline is 15 s: a bound, not a timing
        return s;
    }

    @Override
    public void close() {
        for (Socket s : answered) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }
}
