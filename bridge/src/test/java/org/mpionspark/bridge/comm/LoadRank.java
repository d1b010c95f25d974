package org.mpionspark.bridge.comm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mpionspark.bridge.comm.MessagePlan.Kind;
import org.mpionspark.bridge.comm.MessagePlan.Msg;
import org.mpionspark.bridge.comm.MessagePlan.Round;
import org.mpionspark.bridge.comm.MessagePlan.RoundPlan;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Request;
import org.mpionspark.mpi.Status;

/**
 * One rank of the random-message load: plays every round of a {@link MessagePlan}, checks each
 * message it receives, and counts what it sent and received by world rank.
 */
final class LoadRank {

    private final Communicator world;
    private final long[] sentTo;
    private final long[] receivedFrom;
    private long bytesReceived;

    LoadRank(Communicator world) {
        this.world = world;
        this.sentTo = new long[world.size()];
        this.receivedFrom = new long[world.size()];
    }

    /** Plays the rounds; returns {messages received, bytes received, messages sent}. */
    long[] play(List<RoundPlan> rounds) {
        for (RoundPlan round : rounds) {
            switch (round.type()) {
                case PAIRWISE_BLOCKING -> pairwise(round);
                case SUBCOMMUNICATORS -> subcommunicators(round);
                default -> nonblocking(round, List.of(new Lane(world, 0, round.type(), round.messages())));
            }
            // a rank ahead must not send the next round's messages into this round's wildcard receives
            world.barrier();
        }
        long[] sentToMe = new long[world.size()];
        world.alltoall(sentTo, sentToMe);
        if (!Arrays.equals(sentToMe, receivedFrom)) {
            throw new AssertionError("rank " + world.rank() + " received " + Arrays.toString(receivedFrom)
                    + " by source, but the sources say they sent it " + Arrays.toString(sentToMe));
        }
        world.barrier();
        world.iprobe(Communicator.ANY_SOURCE, Communicator.ANY_TAG).ifPresent(s -> {
            throw new AssertionError("rank " + world.rank() + " has a message no receive expected: " + s);
        });
        return new long[] {Arrays.stream(receivedFrom).sum(), bytesReceived, Arrays.stream(sentTo).sum()};
    }

    /** The messages of one communicator in a round, received in one way. */
    private record Lane(Communicator comm, int code, Round mode, List<Msg> messages) {
    }

    /** A posted receive: what it asked for, its buffer and request. */
    private record Posted(Lane lane, int source, int tag, Object buf, Msg exact, Request request) {
    }

    private void nonblocking(RoundPlan round, List<Lane> lanes) {
        List<Posted> recvs = new ArrayList<>();
        for (Lane lane : lanes) {
            int me = lane.comm().rank();
            for (Msg m : lane.messages()) {
                if (m.dst() == me) {
                    recvs.add(post(lane, m));
                }
            }
        }
        List<Request> sends = new ArrayList<>();
        for (Msg m : round.messages()) {
            if (m.worldSrc() == world.rank()) {
                Communicator c = lanes.stream().filter(l -> l.code() == m.comm()).findFirst().orElseThrow().comm();
                sends.add(c.isend(MessagePlan.payload(m), m.dst(), m.tag()));
                sentTo[m.worldDst()]++;
            }
        }
        List<Request> all = new ArrayList<>(sends);
        recvs.forEach(p -> all.add(p.request()));
        try {
            if (round.waitAny()) {
                List<Request> pending = new ArrayList<>(all);
                while (!pending.isEmpty()) {
                    int i = Request.waitAny(pending.toArray(new Request[0]));
                    pending.remove(i);
                }
            } else {
                Request.waitAll(all.toArray(new Request[0]));
            }
        } catch (MpiException e) {
            throw new AssertionError("rank " + world.rank() + " round " + round.index() + " " + round.type()
                    + ": " + e.getMessage() + "; receives still open: " + open(recvs), e);
        }
        for (Lane lane : lanes) {
            verify(lane, recvs.stream().filter(p -> p.lane() == lane).toList());
        }
    }

    private static List<String> open(List<Posted> recvs) {
        List<String> out = new ArrayList<>();
        for (Posted p : recvs) {
            try {
                if (p.request().test().isEmpty()) {
                    out.add("(" + p.source() + ", " + p.tag() + ") for " + p.exact());
                }
            } catch (MpiException e) {
                out.add("(" + p.source() + ", " + p.tag() + ") for " + p.exact() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private Posted post(Lane lane, Msg m) {
        Communicator c = lane.comm();
        return switch (lane.mode()) {
            case NONBLOCKING, SUBCOMMUNICATORS -> {
                Object buf = MessagePlan.buffer(m, m.id() % 4);
                yield new Posted(lane, m.src(), m.tag(), buf, m, c.irecv(buf, m.src(), m.tag()));
            }
            case ANY_SOURCE -> wildcard(lane, Communicator.ANY_SOURCE, m.tag());
            case ANY_TAG -> wildcard(lane, m.src(), Communicator.ANY_TAG);
            default -> wildcard(lane, Communicator.ANY_SOURCE, Communicator.ANY_TAG);
        };
    }

    private Posted wildcard(Lane lane, int source, int tag) {
        byte[] buf = new byte[MessagePlan.WILDCARD_BYTES];
        return new Posted(lane, source, tag, buf, null, lane.comm().irecv(buf, source, tag));
    }

    /**
     * Receives posted in order match a source's messages in the order it sent them (MPI's
     * non-overtaking rule), so the k-th receive that got a message from s (with tag t, where the
     * receive named t) holds the k-th such message s sent.
     */
    private void verify(Lane lane, List<Posted> posted) {
        int me = lane.comm().rank();
        Map<String, ArrayDeque<Msg>> expected = new HashMap<>();
        boolean byTag = lane.mode() != Round.ANY_TAG && lane.mode() != Round.ANY_SOURCE_ANY_TAG;
        for (Msg m : lane.messages()) {
            if (m.dst() == me) {
                expected.computeIfAbsent(m.src() + (byTag ? "/" + m.tag() : ""), k -> new ArrayDeque<>()).add(m);
            }
        }
        for (Posted p : posted) {
            Status s = p.request().waitFor();
            String key = s.source() + (byTag ? "/" + s.tag() : "");
            ArrayDeque<Msg> queue = expected.get(key);
            Msg m = queue == null ? null : queue.poll();
            String where = "rank " + world.rank() + " (comm " + lane.code() + " rank " + me + ") receive("
                    + p.source() + ", " + p.tag() + ")";
            if (m == null) {
                throw new AssertionError(where + " got a message nobody sent it: " + s);
            }
            if (p.exact() != null && p.exact() != m) {
                throw new AssertionError(where + " matched " + m + " instead of " + p.exact());
            }
            accept(m, s, p.buf(), 0, where);
        }
        expected.values().forEach(q -> {
            if (!q.isEmpty()) {
                throw new AssertionError("rank " + world.rank() + " never received " + q);
            }
        });
    }

    private void accept(Msg m, Status s, Object buf, int offset, String where) {
        if (s.source() != m.src() || s.tag() != m.tag() || (m.kind() != Kind.OBJECT && s.count() != m.elements())) {
            throw new AssertionError(where + ": status " + s + " for message " + m);
        }
        MessagePlan.check(m, buf, offset, where);
        receivedFrom[m.worldSrc()]++;
        bytesReceived += m.bytes();
    }

    /** Phases k = 1..size-1: rank r pairs with r xor k; the lower sends first, the higher receives first. */
    private void pairwise(RoundPlan round) {
        int me = world.rank();
        if (Integer.bitCount(world.size()) != 1) {
            throw new IllegalStateException("pairwise phases need a power-of-two world");
        }
        for (int k = 1; k < world.size(); k++) {
            int partner = me ^ k;
            List<Msg> mine = round.messages().stream().filter(m -> m.src() == me && m.dst() == partner).toList();
            List<Msg> theirs = round.messages().stream().filter(m -> m.src() == partner && m.dst() == me).toList();
            if (me < partner) {
                mine.forEach(this::blockingSend);
                theirs.forEach(this::blockingRecv);
            } else {
                theirs.forEach(this::blockingRecv);
                mine.forEach(this::blockingSend);
            }
        }
    }

    private void blockingSend(Msg m) {
        if (m.kind() == Kind.OBJECT) {
            world.sendObject(MessagePlan.payload(m), m.dst(), m.tag());
        } else if (m.id() % 5 == 0) { // from an offset of a larger array
            Object whole = MessagePlan.buffer(m, 5);
            System.arraycopy(MessagePlan.payload(m), 0, whole, 2, m.elements());
            world.send(whole, 2, m.elements(), m.dst(), m.tag());
        } else {
            world.send(MessagePlan.payload(m), m.dst(), m.tag());
        }
        sentTo[m.dst()]++;
    }

    private void blockingRecv(Msg m) {
        String where = "rank " + world.rank() + " blocking receive from " + m.src();
        if (m.kind() == Kind.OBJECT) {
            Object o = world.recvObject(m.src(), m.tag());
            MessagePlan.check(m, o, 0, where);
            receivedFrom[m.src()]++;
            bytesReceived += m.bytes();
            return;
        }
        switch (m.id() % 4) {
            case 0 -> { // plain, into a larger buffer
                Object buf = MessagePlan.buffer(m, 3);
                accept(m, world.recv(buf, m.src(), m.tag()), buf, 0, where);
            }
            case 1 -> { // probe, then receive exactly the probed size
                Status probed = world.probe(m.src(), m.tag());
                Object buf = MessagePlan.buffer(new Msg(m.id(), m.comm(), m.src(), m.dst(), m.worldSrc(),
                        m.worldDst(), m.tag(), m.kind(), probed.count()), 0);
                accept(m, world.recv(buf, m.src(), m.tag()), buf, 0, where + " after probe " + probed);
            }
            case 2 -> { // probe any tag: the partner's next message, whatever its tag
                Status probed = world.probe(m.src(), Communicator.ANY_TAG);
                if (probed.tag() != m.tag() || probed.count() != m.elements()) {
                    throw new AssertionError(where + ": probe(ANY_TAG) found " + probed + ", expected " + m);
                }
                Object buf = MessagePlan.buffer(m, 0);
                accept(m, world.recv(buf, m.src(), probed.tag()), buf, 0, where);
            }
            default -> { // into an offset of a larger buffer
                Object buf = MessagePlan.buffer(m, 4);
                accept(m, world.recv(buf, 1, m.elements(), m.src(), m.tag()), buf, 1, where);
            }
        }
    }

    /** The world splits by the plan's colours; the split's messages and the world's go at once. */
    private void subcommunicators(RoundPlan round) {
        int me = world.rank();
        int color = round.colors()[me];
        Communicator sub = world.split(color, round.keys()[me]);
        int[] members = MessagePlan.members(round.colors(), round.keys(), color);
        if (sub.size() != members.length || members[sub.rank()] != me) {
            throw new AssertionError("rank " + me + ": split(" + color + ", " + round.keys()[me] + ") gave rank "
                    + sub.rank() + " of " + sub.size() + ", expected one of " + Arrays.toString(members));
        }
        List<Msg> worldMsgs = round.messages().stream().filter(m -> m.comm() == 0).toList();
        List<Msg> subMsgs = round.messages().stream().filter(m -> m.comm() == 1 + color).toList();
        Round subMode = round.index() % 2 == 0 ? Round.SUBCOMMUNICATORS : Round.ANY_TAG;
        nonblocking(round, List.of(new Lane(world, 0, Round.SUBCOMMUNICATORS, worldMsgs),
                new Lane(sub, 1 + color, subMode, subMsgs)));
    }
}
