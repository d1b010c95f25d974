package org.mpionspark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * Shared memory against distributed memory: pi by the midpoint rule with Java threads that write
 * their part into one shared array (the course's {@code pi_thread_worker}, {@code output[tid] = s})
 * and with ranks that each hold their part and add them with an {@code allreduce} (the course's
 * {@code compute_pi_mpi}), over 1, 2 and 4 workers. Mirrors "Retour sur le calcul de pi" and the
 * timing cells of the French notes ({@code %timeit compute_pi_thread(10000000, 1|2|4)},
 * {@code compute_pi_process}), whose table of elapsed times and speed-ups this prints.
 *
 * <p>Unlike Python's threads (one at a time, under the GIL), Java threads run in parallel, like
 * the course's C++ {@code pi_thread}: both columns speed up until the workers outnumber the cores.
 * "ranks, MPI" is the time inside the ranks (barrier, compute, allreduce; the slowest rank);
 * "ranks, stage" adds what Spark takes to start the barrier stage and bring the result back.
 *
 * <pre>
 * usage: ThreadsVsRanks [intervals=200000000] [repeats=3]
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=ThreadsVsRanks
 *
 * pi with 100,000,000 intervals, best of 3, on local[4] (2 processors)
 * workers |  threads  speed-up | ranks, MPI  speed-up | ranks, stage  speed-up
 *       1 |   737 ms     1.00  |     719 ms     1.00  |       818 ms     1.00
 *       2 |   740 ms     1.00  |     874 ms     0.82  |      1037 ms     0.79
 *       4 |  1152 ms     0.64  |     842 ms     0.85  |       988 ms     0.83
 * pi = 3.141592653589860 by threads, 3.141592653589860 by ranks; error 6.706e-14
 *
 * (measured on a 2-processor machine that another build kept busy: no core was free for a
 * second worker, the course's "le gain sur 4 cœurs n'est pas au rendez-vous")
 * </pre>
 */
public final class ThreadsVsRanks {

    private ThreadsVsRanks() {
    }

    /** The worker counts of the course's table. */
    static final int[] WORKERS = {1, 2, 4};

    /** pi with {@code threads} threads writing their parts into one shared array. */
    static double piThreads(long intervals, int threads) throws InterruptedException {
        double[] contrib = new double[threads]; // shared memory: thread t writes contrib[t] only
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int tid = t;
            workers.add(new Thread(() -> contrib[tid] = Pi.blockSum(intervals, tid, threads), "pi-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        double pi = 0;
        for (double c : contrib) {
            pi += c;
        }
        return pi;
    }

    /** What one rank found: pi, and the slowest rank's time from the first barrier to the end of the allreduce. */
    record RankPi(double pi, double seconds) implements Serializable {
    }

    /** pi by ranks: each its own block, then an allreduce (distributed memory). */
    static RankPi piRanks(Communicator comm, long intervals) {
        comm.barrier();
        double t0 = comm.wtime();
        double pi = Pi.computePi(comm, intervals);
        double[] seconds = {comm.wtime() - t0};
        comm.allreduce(seconds, seconds, Op.MAX);
        return new RankPi(pi, seconds[0]);
    }

    /** One line of the table: best times in seconds, and the pi each way found. */
    record Row(int workers, double threads, double ranksMpi, double ranksStage, double piThreads, double piRanks)
            implements Serializable {
    }

    /** Times both ways for each worker count, best of {@code repeats}. */
    static List<Row> compare(JavaMpiContext mpi, long intervals, int[] workers, int repeats)
            throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (int w : workers) {
            double threads = Double.MAX_VALUE;
            double ranksMpi = Double.MAX_VALUE;
            double ranksStage = Double.MAX_VALUE;
            double piThreads = 0;
            double piRanks = 0;
            for (int k = 0; k < repeats; k++) {
                long t0 = System.nanoTime();
                piThreads = piThreads(intervals, w);
                threads = Math.min(threads, (System.nanoTime() - t0) / 1e9);

                t0 = System.nanoTime();
                RankPi r = mpi.run(w, comm -> piRanks(comm, intervals)).get(0);
                ranksStage = Math.min(ranksStage, (System.nanoTime() - t0) / 1e9);
                ranksMpi = Math.min(ranksMpi, r.seconds());
                piRanks = r.pi();
            }
            rows.add(new Row(w, threads, ranksMpi, ranksStage, piThreads, piRanks));
        }
        return rows;
    }

    /** The course's table: elapsed times and speed-ups against one worker. */
    static String table(List<Row> rows) {
        Row one = rows.get(0);
        StringBuilder s = new StringBuilder(
                "workers |  threads  speed-up | ranks, MPI  speed-up | ranks, stage  speed-up\n");
        for (Row r : rows) {
            s.append(String.format("%7d | %5.0f ms  %7.2f  | %7.0f ms  %7.2f  | %9.0f ms  %7.2f%n", r.workers(),
                    r.threads() * 1e3, one.threads() / r.threads(), r.ranksMpi() * 1e3, one.ranksMpi() / r.ranksMpi(),
                    r.ranksStage() * 1e3, one.ranksStage() / r.ranksStage()));
        }
        return s.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        long intervals = Examples.longArg(args, 0, 200_000_000L);
        int repeats = Examples.intArg(args, 1, 3);
        int most = WORKERS[WORKERS.length - 1];
        try (JavaSparkContext jsc = Examples.sparkContext("ThreadsVsRanks", most)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            compare(mpi, intervals / 20, WORKERS, 1); // warms the JIT and Spark
            List<Row> rows = compare(mpi, intervals, WORKERS, repeats);
            System.out.printf("pi with %,d intervals, best of %d, on %s (%d processors)%n", intervals, repeats,
                    jsc.master(), Runtime.getRuntime().availableProcessors());
            System.out.print(table(rows));
            Row last = rows.get(rows.size() - 1);
            System.out.printf("pi = %.15f by threads, %.15f by ranks; error %.3e%n", last.piThreads(), last.piRanks(),
                    Math.abs(last.piRanks() - Math.PI));
        }
    }
}
