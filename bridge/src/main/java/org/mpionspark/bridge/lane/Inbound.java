package org.mpionspark.bridge.lane;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.mpionspark.bridge.rendezvous.Seal;
import org.mpionspark.bridge.transport.ArrayKind;
import org.mpionspark.bridge.transport.Arrivals;
import org.mpionspark.bridge.transport.Packing;

/**
 * What one lane brings in: each message handed to {@link Arrivals} in the order its sender wrote
 * it, a short one once all its bytes are in, a long one as its header arrives (its elements then go
 * straight into the receive posted for it). It never waits for bytes: it takes what the system has
 * and keeps its place, so that whichever thread reads the lanes next goes on where the last one
 * stopped ({@link LaneReading}).
 */
final class Inbound {

    private static final ArrayKind[] KINDS = ArrayKind.values();
    /** Reads of one lane in a row before the others get their turn: a long message does not hold them up. */
    private static final int READS_IN_A_ROW = 16;

    private final Lane lane;
    private final Arrivals arrivals;
    private final int worldSize;
    private final Runnable bye;
    private final MpjPorts mpjPorts;

    /** The message under way, once its header is read. */
    private boolean header;
    private int source;
    private int dest;
    private int channel;
    private int tag;
    private int count;
    private ArrayKind kind;
    /** A long message's: where its elements go (null: dropped), and how many are in. */
    private boolean streaming;
    private Arrivals.Arrival arrival;
    private int done;
    private boolean saidBye;

    /** Where the peer's MPJ Express endpoint listens goes: {@code (endpoint, writePort, readPort)}. */
    @FunctionalInterface
    interface MpjPorts {
        void arrived(int endpoint, int writePort, int readPort);
    }

    /**
     * Reads {@code lane} of a world of {@code worldSize} ranks into {@code arrivals}; a goodbye runs
     * {@code bye}, and where the peer's MPJ Express endpoint listens goes to {@code mpjPorts}.
     */
    Inbound(Lane lane, Arrivals arrivals, int worldSize, Runnable bye, MpjPorts mpjPorts) {
        this.lane = lane;
        this.arrivals = arrivals;
        this.worldSize = worldSize;
        this.bye = bye;
        this.mpjPorts = mpjPorts;
    }

    Lane lane() {
        return lane;
    }

    /** Whether the peer said goodbye: the end of the lane that follows is no loss. */
    boolean saidBye() {
        return saidBye;
    }

    /** Whether a message has begun to arrive and is not all handed over yet: more of it is on its way. */
    boolean midMessage() {
        return header || lane.input().hasRemaining() || (lane.seal() != null && lane.sealedInput().hasRemaining());
    }

    /** The long message whose elements were on their way, if any: its receive fails when the lane is lost. */
    Arrivals.Arrival underWay() {
        return streaming ? arrival : null;
    }

    /**
     * Reads what the system has for this lane and hands over every message it completes. False
     * once the peer has closed the lane between two messages; an end in the middle of one, or a
     * header that is not one, throws.
     */
    boolean pump() throws IOException {
        Seal seal = lane.seal();
        ByteBuffer in = lane.input();
        ByteBuffer raw = seal == null ? in : lane.sealedInput(); // on an encrypted lane, frames to open into in
        for (int reads = 0; reads < READS_IN_A_ROW; reads++) {
            raw.compact();
            int n;
            try {
                n = lane.channel().read(raw);
            } finally {
                raw.flip();
            }
            if (n < 0) {
                if (midMessage()) {
                    throw new EOFException("the lane closed in the middle of a message");
                }
                return false;
            }
            if (seal == null) {
                take(in);
            } else {
                while (seal.open(raw, in)) { // each frame once all of it is in
                    take(in);
                }
            }
            if (n == 0 || raw.limit() < raw.capacity()) {
                return true; // the system has no more now
            }
        }
        return true;
    }

    /** Hands over every message {@code in} completes; keeps the part of one that is still to come. */
    private void take(ByteBuffer in) throws IOException {
        while (true) {
            if (!header) {
                if (in.remaining() < Lane.HEADER_BYTES) {
                    return;
                }
                readHeader(in);
                if (!header) {
                    continue; // for the endpoint, not a rank
                }
            }
            int size = kind.bytes();
            if (streaming) {
                int n = Math.min(count - done, in.remaining() / size);
                unpack(in, arrival, done, n);
                done += n;
                if (done < count) {
                    return;
                }
                if (arrival != null) {
                    arrival.filled();
                }
            } else {
                if (in.remaining() < count * size) {
                    return;
                }
                Arrivals.Arrival a = arrivals.arrivingOrDropped(source, dest, channel, tag, kind, count);
                unpack(in, a, 0, count);
                if (a != null) {
                    a.filled();
                }
            }
            header = false;
            streaming = false;
            arrival = null;
        }
    }

    private void readHeader(ByteBuffer in) throws IOException {
        source = in.getInt();
        dest = in.getInt();
        channel = in.getInt();
        tag = in.getInt();
        int kindOrdinal = in.getInt();
        count = in.getInt();
        if (kindOrdinal == Lane.BYE) {
            saidBye = true;
            bye.run();
            return;
        }
        if (kindOrdinal == Lane.MPJ_PORTS) {
            mpjPorts.arrived(lane.peer(), channel, tag);
            return;
        }
        if (kindOrdinal < 0 || kindOrdinal >= KINDS.length || count < 0 || source < 0 || source >= worldSize
                || dest < 0 || dest >= worldSize) {
            throw new IOException("a header that is not one: source " + source + ", destination " + dest + ", kind "
                    + kindOrdinal + ", count " + count);
        }
        kind = KINDS[kindOrdinal];
        header = true;
        if ((long) count * kind.bytes() > Lane.CHUNK_BYTES) {
            // seen by probes and matching now, in order; its elements follow, a buffer at a time
            streaming = true;
            done = 0;
            arrival = arrivals.arrivingOrDropped(source, dest, channel, tag, kind, count);
        }
    }

    /** Unpacks {@code n} elements into {@code a}'s buffer from element {@code at} of the message; drops them if no {@code a}. */
    private void unpack(ByteBuffer in, Arrivals.Arrival a, int at, int n) {
        if (a != null) {
            Packing.unpack(kind, in, a.buffer(), a.offset() + at, n);
        } else {
            in.position(in.position() + n * kind.bytes());
        }
    }
}
