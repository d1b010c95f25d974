package org.mpionspark.examples;

import java.util.Random;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiDeadlockException;
import org.mpionspark.mpi.Request;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * The blocking-order trap and its fixes: ranks 0 and 1 swap five doubles. Mirrors the French
 * notes' point-to-point cells (mémoire distribuée, "Communications Point-to-Point"): rank 0
 * {@code Send}s then {@code Recv}s while rank 1 {@code Recv}s then {@code Send}s, which works; then
 * {@code comm.Sendrecv(data_to_send, dest, recvbuf=data_to_receive)} and
 * {@code comm.Sendrecv_replace(data, dest)}, "the trick" that makes the order a non-question.
 *
 * <p>The traps: if both ranks {@code recv} first, neither ever sends. With mpi4py the cell hangs
 * until you interrupt the kernel; here the driver's deadlock watchdog fails the stage once every
 * rank has waited {@code spark.mpi.deadlock.timeout} (2 s in this example) with no byte moving,
 * and {@link MpiDeadlockException#calls()} says what each rank was blocked in. Both ranks
 * {@code send} first works for five doubles only because small messages are sent eagerly
 * (below {@code spark.mpi.protocolSwitchLimit}, 128 KB); with 256 KB each both wait for a receiver
 * that never comes. The fixes: {@code sendrecv}, {@code sendrecvReplace}, and non-blocking
 * {@code isend} + {@code irecv} completed by {@code Request.waitAll}.
 *
 * <pre>
 * usage: DeadlockAndFixes [ranks=4]   (2 at least; ranks from 2 on have nothing to do, as in the course)
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=DeadlockAndFixes
 *
 * both ranks recv first: MpiDeadlockException after 3.2 s; each rank's call:
 *   rank 0 blocked in recv(double[5], source=1, tag=0) for 2.2 s
 *   rank 1 blocked in recv(double[5], source=0, tag=0) for 2.2 s
 *   rank 2 blocked in end of rank (the barrier after its function returned) receiving from rank 0 for 2.2 s
 *   ...
 * sendrecv: send and receive in one call:
 * [stdout:0] Proc 0 send [0.710 0.575 0.215 0.113 0.893] to 1
 * [stdout:0] Proc 0 receive [0.733 0.069 0.552 0.436 0.232]
 * [stdout:1] Proc 1 send [0.733 0.069 0.552 0.436 0.232] to 0
 * [stdout:1] Proc 1 receive [0.710 0.575 0.215 0.113 0.893]
 * [stdout:2] Nothing to do
 * </pre>
 */
public final class DeadlockAndFixes {

    private DeadlockAndFixes() {
    }

    /** Elements swapped by the traps and the fixes. */
    static final int N = 5;

    /** The deadlock watchdog's delay in this example: short, so the traps fail fast. */
    static final String DEADLOCK_TIMEOUT = "2s";

    /** The course's {@code np.random.rand(n)} of rank {@code rank}, seeded so that a test can check what arrived. */
    static double[] data(int rank, int n) {
        return new Random(1000L * (rank + 1)).doubles(n).toArray(); // Random(0) and Random(1) begin alike
    }

    /** Two orders that deadlock. */
    enum Trap {
        /** Both ranks receive first: neither ever sends. */
        BOTH_RECV_FIRST("both ranks recv first") {
            @Override
            void swap(Communicator comm, double[] mine, double[] theirs, int peer) {
                comm.recv(theirs, peer, 0);
                comm.send(mine, peer, 0);
            }
        },
        /** Rank 1 forgets to send back: rank 0 waits for a rank whose function has returned. */
        PEER_RETURNED("rank 1 receives and returns without sending back") {
            @Override
            void swap(Communicator comm, double[] mine, double[] theirs, int peer) {
                if (comm.rank() == 0) {
                    comm.send(mine, peer, 0);
                }
                comm.recv(theirs, peer, 0);
            }
        };

        final String what;

        Trap(String what) {
            this.what = what;
        }

        abstract void swap(Communicator comm, double[] mine, double[] theirs, int peer);
    }

    /** Orders that work. */
    enum Fix {
        /** The course's first cell: rank 0 sends then receives, rank 1 receives then sends. */
        OPPOSITE_ORDERS("rank 0 sends then receives, rank 1 receives then sends") {
            @Override
            double[] swap(Communicator comm, double[] mine, int peer) {
                double[] theirs = new double[mine.length];
                if (comm.rank() == 0) {
                    comm.send(mine, peer, 0);
                    comm.recv(theirs, peer, 0);
                } else {
                    comm.recv(theirs, peer, 0);
                    comm.send(mine, peer, 0);
                }
                return theirs;
            }
        },
        SENDRECV("sendrecv: send and receive in one call") {
            @Override
            double[] swap(Communicator comm, double[] mine, int peer) {
                double[] theirs = new double[mine.length];
                comm.sendrecv(mine, peer, 0, theirs, peer, 0);
                return theirs;
            }
        },
        SENDRECV_REPLACE("sendrecvReplace: one buffer, sent then overwritten") {
            @Override
            double[] swap(Communicator comm, double[] mine, int peer) {
                double[] buf = mine.clone();
                comm.sendrecvReplace(buf, peer, 0, peer, 0);
                return buf;
            }
        },
        NONBLOCKING("isend + irecv, then Request.waitAll") {
            @Override
            double[] swap(Communicator comm, double[] mine, int peer) {
                double[] theirs = new double[mine.length];
                Request send = comm.isend(mine, peer, 0);
                Request recv = comm.irecv(theirs, peer, 0);
                Request.waitAll(send, recv); // neither buffer may be touched before this
                return theirs;
            }
        };

        final String what;

        Fix(String what) {
            this.what = what;
        }

        /** Rank {@code comm.rank()} (0 or 1) swaps {@code mine} with {@code peer}'s data; returns what it received. */
        abstract double[] swap(Communicator comm, double[] mine, int peer);
    }

    /** The other rank of the pair 0-1, or -1 for the ranks with nothing to do. */
    private static int peer(Communicator comm) {
        if (comm.size() < 2) {
            throw new IllegalArgumentException("DeadlockAndFixes needs 2 ranks at least, not " + comm.size());
        }
        return comm.rank() < 2 ? 1 - comm.rank() : -1;
    }

    /** Runs {@code trap} on {@code ranks} ranks and returns the watchdog's diagnosis. */
    static MpiDeadlockException trap(JavaMpiContext mpi, int ranks, Trap trap) {
        try {
            mpi.run(ranks, comm -> {
                int peer = peer(comm);
                if (peer >= 0) {
                    trap.swap(comm, data(comm.rank(), N), new double[N], peer);
                }
                return null;
            });
        } catch (MpiDeadlockException e) {
            return e;
        }
        throw new IllegalStateException(trap + " did not deadlock");
    }

    /** Runs {@code fix} on {@code ranks} ranks: rank 0 and 1 return what they received, the others null. */
    static SpmdResult<double[]> fix(JavaMpiContext mpi, int ranks, Fix fix) {
        return mpi.runWithOutput(ranks, comm -> {
            int rank = comm.rank();
            int peer = peer(comm);
            if (peer < 0) {
                System.out.println("Nothing to do");
                return null;
            }
            double[] mine = data(rank, N);
            System.out.println("Proc " + rank + " send " + Examples.numpy(mine) + " to " + peer);
            double[] theirs = fix.swap(comm, mine, peer);
            System.out.println("Proc " + rank + " receive " + Examples.numpy(theirs));
            return theirs;
        });
    }

    public static void main(String[] args) {
        int ranks = Examples.intArg(args, 0, 4);
        try (JavaSparkContext jsc = Examples.sparkContext("DeadlockAndFixes", ranks,
                "spark.mpi.deadlock.timeout", DEADLOCK_TIMEOUT)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            jsc.setLogLevel("FATAL"); // the traps fail on purpose: no log line per failed task
            for (Trap t : Trap.values()) {
                long t0 = System.nanoTime();
                MpiDeadlockException e = trap(mpi, ranks, t);
                System.out.printf("%s: MpiDeadlockException after %.1f s; each rank's call:%n", t.what,
                        (System.nanoTime() - t0) / 1e9);
                e.calls().forEach(c -> System.out.println("  " + c));
            }
            jsc.setLogLevel("WARN");
            for (Fix f : Fix.values()) {
                System.out.println();
                System.out.println(f.what + ":");
                System.out.print(fix(mpi, ranks, f).formatted());
            }
        }
    }
}
