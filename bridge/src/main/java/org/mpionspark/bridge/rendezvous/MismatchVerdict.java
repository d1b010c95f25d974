package org.mpionspark.bridge.rendezvous;

import java.util.ArrayList;
import java.util.List;

/**
 * Who called differently, from the collective calls the ranks told the driver they wait in, when a
 * rank noticed a mismatch on the message path (where it sees only that a peer's message is for
 * another call). The rule: among the ranks waiting in a collective of the noticing rank's
 * communicator, if all but one wait in the same call (at least two of them) and that one waits in
 * another, it is the culprit. Otherwise no one is blamed but the rank that noticed, and where the
 * peer it names is known (the world communicator), both calls are printed.
 */
final class MismatchVerdict {

    /** How long the driver waits for every rank to tell its call before it judges with what it has. */
    static final long GRACE_NANOS = 1_000_000_000L;

    private final boolean settled;
    private final int culprit;
    private final CollectiveCall culpritCall;
    private final List<Integer> others;
    private final CollectiveCall othersCall;
    private final int peer;
    private final CollectiveCall peerCall;
    private final CollectiveCall noticerCall;

    private MismatchVerdict(boolean settled, int culprit, CollectiveCall culpritCall, List<Integer> others,
                            CollectiveCall othersCall, int peer, CollectiveCall peerCall, CollectiveCall noticerCall) {
        this.settled = settled;
        this.culprit = culprit;
        this.culpritCall = culpritCall;
        this.others = others;
        this.othersCall = othersCall;
        this.peer = peer;
        this.peerCall = peerCall;
        this.noticerCall = noticerCall;
    }

    /**
     * The verdict on {@code states} (by world rank) where world rank {@code noticer} saw a mismatch
     * naming {@code peer} (a rank of its communicator; a world rank only on context 0).
     */
    static MismatchVerdict of(RankActivity[] states, int noticer, int peer) {
        CollectiveCall mine = states[noticer] == null ? null : states[noticer].collective();
        if (mine == null) {
            return new MismatchVerdict(true, -1, null, List.of(), null, -1, null, null);
        }
        boolean settled = true;
        List<Integer> members = new ArrayList<>();
        for (int r = 0; r < states.length; r++) {
            CollectiveCall c = states[r] == null ? null : states[r].collective();
            settled &= c != null || states[r] == null || states[r].finished();
            if (c != null && c.context() == mine.context()) {
                members.add(r);
            }
        }
        for (int odd : members) {
            CollectiveCall theirs = states[odd].collective();
            List<Integer> rest = new ArrayList<>(members);
            rest.remove(Integer.valueOf(odd));
            CollectiveCall common = states[rest.get(0)].collective();
            if (rest.size() >= 2 && !common.sameCall(theirs)
                    && rest.stream().allMatch(r -> states[r].collective().sameCall(common))) {
                return new MismatchVerdict(settled, odd, theirs, rest, common, -1, null, mine);
            }
        }
        CollectiveCall theirs = mine.context() == 0 && peer >= 0 && peer < states.length && peer != noticer
                && states[peer] != null ? states[peer].collective() : null;
        boolean differs = theirs != null && theirs.context() == mine.context() && !theirs.sameCall(mine);
        return new MismatchVerdict(settled, -1, null, List.of(), null, differs ? peer : -1, differs ? theirs : null,
                mine);
    }

    /** Whether every rank has told its call (or finished): waiting longer would tell no more. */
    boolean settled() {
        return settled;
    }

    /** The world rank that called differently from all the others, or -1. */
    int culprit() {
        return culprit;
    }

    /** The world failure's words: the culprit and both calls first, then what {@code noticer} said; null: nothing to add. */
    String message(int noticer, String noticed) {
        if (culprit >= 0) {
            return "mismatched collective: rank " + culprit + " called " + culpritCall.described() + " where "
                    + ranks(others) + " call " + othersCall.described() + " (" + calls(culpritCall, "its", othersCall, "theirs")
                    + "); rank " + noticer + " noticed: " + noticed;
        }
        if (peerCall != null) {
            return noticed + "; rank " + peer + " calls " + peerCall.described() + " where rank " + noticer + " calls "
                    + noticerCall.described() + " (" + calls(peerCall, "rank " + peer + "'s", noticerCall, "rank " + noticer
                    + "'s") + ")";
        }
        return null;
    }

    /** "call #4", or "its call #5, theirs #4" where the numbers differ. */
    private static String calls(CollectiveCall one, String whose, CollectiveCall other, String otherWhose) {
        return one.step() == other.step() ? "call #" + one.step()
                : whose + " call #" + one.step() + ", " + otherWhose + " #" + other.step();
    }

    /** "rank 0", "ranks 0 and 1", "ranks 0, 1 and 3". */
    private static String ranks(List<Integer> rs) {
        if (rs.size() == 1) {
            return "rank " + rs.get(0);
        }
        StringBuilder s = new StringBuilder("ranks ");
        for (int i = 0; i < rs.size(); i++) {
            s.append(i == 0 ? "" : i == rs.size() - 1 ? " and " : ", ").append(rs.get(i));
        }
        return s.toString();
    }
}
