package org.mpionspark.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.storage.StorageLevel;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * A real workload: Lloyd's k-means on points Spark generated and cached, by the MPI path (each
 * rank sums its points per centre, one allreduce per iteration) against Spark MLlib's own
 * {@code KMeans} from the same initial centres and with the same stopping rule (every centre moved
 * less than epsilon, or the iteration cap); both answers are compared.
 */
final class KMeansSection {

    static final String SECTION = "kmeans";
    static final String BASELINE = "Spark MLlib KMeans";
    static final String MPI = "MPI k-means (SPMD mapPartitions, allreduce)";
    private static final int K = 8;
    private static final int DIMS = 8;
    private static final double EPSILON = 1e-4;

    private KMeansSection() {
    }

    static void measure(JavaSparkContext jsc, int ranks, int points, int maxIterations, int reps, Results results) {
        System.out.printf("k-means: %,d points, %d dims, k = %d, %d ranks, %s%n", points, DIMS, K, ranks, jsc.master());
        JavaMpiContext mpi = new JavaMpiContext(jsc);
        JavaRDD<double[]> data = generate(jsc, ranks, points).persist(StorageLevel.MEMORY_ONLY());
        JavaRDD<Vector> vectors = data.map(Vectors::dense).persist(StorageLevel.MEMORY_ONLY());
        data.count();
        vectors.count();
        double[][] init = data.take(K).toArray(new double[0][]);
        double[][] mpiCentres = new double[1][];
        int[] mpiIters = new int[1];
        KMeansModel[] model = new KMeansModel[1];
        double[][] ms = SparkBaseline.alternate(reps, 1, List.of(
                () -> {
                    List<double[]> out = mpi.mapPartitions(data, (comm, part) -> lloyd(comm, part, init, maxIterations))
                            .collect();
                    mpiCentres[0] = out.get(0);
                    mpiIters[0] = (int) out.get(0)[K * DIMS];
                },
                () -> model[0] = new KMeans().setK(K).setMaxIterations(maxIterations).setEpsilon(EPSILON)
                        .setInitialModel(new KMeansModel(java.util.Arrays.stream(init).map(Vectors::dense)
                                .toArray(Vector[]::new))).run(vectors.rdd())));
        data.unpersist(false);
        vectors.unpersist(false);
        String master = jsc.master();
        results.add(Measurement.of(SECTION, BASELINE, master, ranks, 0, ms[1]));
        results.add(Measurement.of(SECTION, MPI, master, ranks, 0, ms[0]));
        double diff = 0;
        for (int c = 0; c < K; c++) {
            double[] theirs = model[0].clusterCenters()[c].toArray();
            for (int d = 0; d < DIMS; d++) {
                diff = Math.max(diff, Math.abs(theirs[d] - mpiCentres[0][c * DIMS + d]));
            }
        }
        results.note(SECTION, String.format(java.util.Locale.ROOT, "%s: %,d points of %d dimensions, k = %d, at most %d "
                        + "iterations, epsilon %.0e; the MPI path ran %d iterations, MLlib %d; largest difference "
                        + "between their centres: %.2e; per iteration: MPI %.1f ms, MLlib %.1f ms (whole runs / iterations); "
                        + "the MPI path is %.1fx as fast to the same answer",
                master, points, DIMS, K, maxIterations, EPSILON, mpiIters[0], model[0].numIter(), diff,
                SparkBaseline.median(ms[0]) / mpiIters[0], SparkBaseline.median(ms[1]) / Math.max(1, model[0].numIter()),
                SparkBaseline.median(ms[1]) / SparkBaseline.median(ms[0])));
    }

    /** Points around K centres with unit noise, overlapping enough to need many iterations; point i belongs to centre i mod K. */
    static JavaRDD<double[]> generate(JavaSparkContext jsc, int parts, int points) {
        Random r = new Random(42);
        double[][] centres = new double[K][DIMS];
        for (double[] c : centres) {
            for (int d = 0; d < DIMS; d++) {
                c[d] = r.nextDouble() * 6 - 3;
            }
        }
        return jsc.parallelize(IntStream.range(0, parts).boxed().toList(), parts).flatMap(p -> {
            Random rnd = new Random(1000 + p);
            long from = (long) p * points / parts;
            long to = (long) (p + 1) * points / parts;
            List<double[]> out = new ArrayList<>((int) (to - from));
            for (long i = from; i < to; i++) {
                double[] c = centres[(int) (i % K)];
                double[] x = new double[DIMS];
                for (int d = 0; d < DIMS; d++) {
                    x[d] = c[d] + rnd.nextGaussian();
                }
                out.add(x);
            }
            return out.iterator();
        });
    }

    /**
     * Rank side: Lloyd's iterations from {@code init} until every centre moves less than epsilon
     * (MLlib's rule) or {@code maxIterations}; rank 0 returns the centres then the iteration count.
     */
    static java.util.Iterator<double[]> lloyd(Communicator comm, java.util.Iterator<double[]> part, double[][] init,
                                              int maxIterations) {
        List<double[]> mine = new ArrayList<>();
        part.forEachRemaining(mine::add);
        double[] flat = new double[mine.size() * DIMS];
        for (int i = 0; i < mine.size(); i++) {
            System.arraycopy(mine.get(i), 0, flat, i * DIMS, DIMS);
        }
        double[] centres = new double[K * DIMS];
        for (int c = 0; c < K; c++) {
            System.arraycopy(init[c], 0, centres, c * DIMS, DIMS);
        }
        double[] acc = new double[K * (DIMS + 1)];
        int iter = 0;
        boolean moved = true;
        while (moved && iter < maxIterations) {
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < flat.length; i += DIMS) {
                int best = nearest(flat, i, centres);
                for (int d = 0; d < DIMS; d++) {
                    acc[best * (DIMS + 1) + d] += flat[i + d];
                }
                acc[best * (DIMS + 1) + DIMS] += 1;
            }
            comm.allreduce(Communicator.IN_PLACE, acc, Op.SUM);
            moved = false;
            for (int c = 0; c < K; c++) {
                double count = acc[c * (DIMS + 1) + DIMS];
                if (count == 0) {
                    continue;
                }
                double dist2 = 0;
                for (int d = 0; d < DIMS; d++) {
                    double next = acc[c * (DIMS + 1) + d] / count;
                    dist2 += (next - centres[c * DIMS + d]) * (next - centres[c * DIMS + d]);
                    centres[c * DIMS + d] = next;
                }
                moved |= dist2 > EPSILON * EPSILON;
            }
            iter++;
        }
        if (comm.rank() != 0) {
            return java.util.Collections.emptyIterator();
        }
        double[] out = java.util.Arrays.copyOf(centres, K * DIMS + 1);
        out[K * DIMS] = iter;
        return List.of(out).iterator();
    }

    private static int nearest(double[] flat, int at, double[] centres) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < K; c++) {
            double d2 = 0;
            for (int d = 0; d < DIMS; d++) {
                double t = flat[at + d] - centres[c * DIMS + d];
                d2 += t * t;
            }
            if (d2 < bestD) {
                bestD = d2;
                best = c;
            }
        }
        return best;
    }
}
