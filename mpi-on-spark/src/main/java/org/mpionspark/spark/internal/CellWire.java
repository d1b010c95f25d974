package org.mpionspark.spark.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames between a session's driver and its ranks. A rank opens with {@link #MAGIC}, the
 * secret and its rank, then {@link #READY}; the driver sends {@link #CELL}s (or {@link #CLOSE}, or
 * {@link #REFUSED} and a reason for a handshake it does not take); each rank answers each cell
 * with one {@link #RESULT}, targeted or not.
 */
public final class CellWire {

    static final int MAGIC = 0x4d504943; // "MPIC"
    static final byte READY = 1;
    static final byte CELL = 2;
    static final byte RESULT = 3;
    static final byte CLOSE = 4;
    static final byte REFUSED = 5;
    /** The driver's first answer to a rank of an encrypted session: a nonce, then every byte encrypted. */
    static final byte SEALING = 6;

    private CellWire() {
    }

    static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > (1 << 30)) {
            throw new IOException("bad frame: a blob of " + n + " bytes");
        }
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** A count read from the wire ({@code what}), refused unless from 0 to {@code max}. */
    static int checkedCount(int n, int max, String what) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("bad frame: " + n + " " + what + " (0 to " + max + ")");
        }
        return n;
    }

    static void writeText(DataOutputStream out, String s) throws IOException {
        writeBlob(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInputStream in) throws IOException {
        byte[] b = readBlob(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** One rank's answer to one cell. {@code value}: Kryo bytes, null when not targeted or failed. */
    public record Result(int rank, long cell, byte[] value, String error, String stdout, String stderr, String worldError) {

        void write(DataOutputStream out) throws IOException {
            out.writeByte(RESULT);
            out.writeLong(cell);
            writeBlob(out, value);
            writeText(out, error);
            writeText(out, stdout);
            writeText(out, stderr);
            writeText(out, worldError);
            out.flush();
        }

        static Result read(int rank, DataInputStream in) throws IOException {
            return new Result(rank, in.readLong(), readBlob(in), readText(in), readText(in), readText(in),
                    readText(in));
        }
    }
}
