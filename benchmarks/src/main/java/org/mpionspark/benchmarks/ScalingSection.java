package org.mpionspark.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Plots;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.mpi.Op;

/**
 * Strong scaling of two compute-bound kernels over 1, 2, 4... workers: pi by the midpoint rule
 * (the course's compute_pi) and a Mandelbrot image (rows dealt cyclically), with ranks (an SPMD
 * stage, timed whole from the driver) and with plain Java threads in the driver, as the course's
 * threads-vs-processes cells do; the same work, alternating.
 */
final class ScalingSection {

    static final String SECTION = "scaling";
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1200;
    private static final int MAXIT = 1000;

    private ScalingSection() {
    }

    static void measure(Ranks ranks, int[] workers, long intervals, int reps, Results results) throws InterruptedException {
        System.out.printf("scaling: pi %,d intervals and Mandelbrot %dx%d over %s workers%n", intervals, WIDTH, HEIGHT,
                java.util.Arrays.toString(workers));
        // warm-up of every variant at a tenth of the work: the JIT compiles the kernels before any timing
        ranks.run(1, null, comm -> blockSum(intervals / 10, 0, 1) + rows(0, 10));
        threads(2, t -> blockSum(intervals / 10, t, 2) + rows(t, 20));
        Map<String, double[]> ms = new LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            for (int w : workers) {
                put(ms, "pi, ranks", w, i, reps, time(() -> ranks.run(w, null, comm -> {
                    double[] s = {blockSum(intervals, comm.rank(), comm.size())};
                    comm.allreduce(s, s, Op.SUM);
                    return check(s[0]);
                })));
                put(ms, "pi, threads", w, i, reps, time(() -> threads(w, t -> blockSum(intervals, t, w))));
                put(ms, "Mandelbrot, ranks", w, i, reps, time(() -> ranks.run(w, null, comm -> {
                    long[] it = {rows(comm.rank(), comm.size())};
                    comm.allreduce(it, it, Op.SUM);
                    return it[0];
                })));
                put(ms, "Mandelbrot, threads", w, i, reps, time(() -> threads(w, t -> (double) rows(t, w))));
            }
        }
        ms.forEach((key, v) -> {
            String[] k = key.split("\t");
            results.add(Measurement.of(SECTION, k[0], ranks.master(), Integer.parseInt(k[1]), 0, v));
        });
    }

    /** Speed-up lines (T1 / TN) of the measured workloads, for the plot. */
    static List<Plots.Line> speedups(List<Measurement> ms) {
        Map<String, List<Measurement>> by = new LinkedHashMap<>();
        ms.forEach(m -> by.computeIfAbsent(m.method() + " [" + m.master() + "]", k -> new ArrayList<>()).add(m));
        List<Plots.Line> lines = new ArrayList<>();
        by.forEach((name, list) -> {
            double t1 = list.stream().filter(m -> m.ranks() == 1).mapToDouble(Measurement::medianMs).findFirst()
                    .orElse(Double.NaN);
            List<Measurement> sorted = list.stream().sorted(java.util.Comparator.comparingInt(Measurement::ranks)).toList();
            lines.add(new Plots.Line(name, sorted.stream().mapToDouble(Measurement::ranks).toArray(),
                    sorted.stream().mapToDouble(m -> t1 / m.medianMs()).toArray()));
        });
        return lines;
    }

    private static void put(Map<String, double[]> ms, String what, int workers, int i, int reps, double t) {
        ms.computeIfAbsent(what + "\t" + workers, k -> new double[reps])[i] = t;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double check(double pi) {
        if (Math.abs(pi - Math.PI) > 1e-6) {
            throw new IllegalStateException("pi came out as " + pi);
        }
        return pi;
    }

    /** Block {@code part} of {@code parts} of the midpoint sum of 4/(1+x^2) over [0,1]. */
    static double blockSum(long intervals, int part, int parts) {
        long start = part * intervals / parts;
        long end = (part + 1) * intervals / parts;
        double width = 1.0 / intervals;
        double sum = 0;
        // x = width * (i + 0.5), i counted by an int from a double offset: a long-counted loop ran
        // 2-5x slower once the JIT compiled it again (notebooks-zeppelin's note 06)
        for (long from = start; from < end; from += Integer.MAX_VALUE) {
            int count = (int) Math.min(Integer.MAX_VALUE, end - from);
            double offset = from + 0.5;
            for (int j = 0; j < count; j++) {
                double x = width * (j + offset);
                sum += width * (4.0 / (1.0 + x * x));
            }
        }
        return sum;
    }

    /** Iterations summed over the rows {@code part}, {@code part + parts}, ... of the image. */
    static long rows(int part, int parts) {
        long total = 0;
        for (int r = part; r < HEIGHT; r += parts) {
            double cy = -1.5 + 3.0 * r / HEIGHT;
            for (int c = 0; c < WIDTH; c++) {
                double cx = -2.0 + 3.0 * c / WIDTH;
                double zx = 0;
                double zy = 0;
                int it = 0;
                while (zx * zx + zy * zy < 4 && it < MAXIT) {
                    double t = zx * zx - zy * zy + cx;
                    zy = 2 * zx * zy + cy;
                    zx = t;
                    it++;
                }
                total += it;
            }
        }
        return total;
    }

    /** Runs {@code work} on {@code n} threads (thread t gets t) and returns the sum of their results. */
    private static double threads(int n, java.util.function.IntToDoubleFunction work) {
        double[] out = new double[n];
        Thread[] ts = new Thread[n];
        for (int t = 0; t < n; t++) {
            int id = t;
            ts[t] = new Thread(() -> out[id] = work.applyAsDouble(id));
            ts[t].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return java.util.Arrays.stream(out).sum();
    }
}
