package org.mpionspark.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.mpionspark.benchmarks.report.Units;

/**
 * What one run of the report measures: rank counts, sizes, repetitions, masters, the workloads'
 * sizes and which parts. {@code quick} fits in 10 minutes on 2 cores; {@code long} is for bigger
 * machines; options after the name override either.
 *
 * <pre>
 * quick | long | tiny  [--ranks 2,3,4,8] [--sizes 8,8k,1m,8m,64m] [--reps 10] [--masters local,local-cluster,cluster[N]]
 *                      [--parts localworld,allreduce,pingpong,stages,scaling,kmeans] [--pi 1e9] [--points 2e6]
 *                      [--out DIR]
 * </pre>
 */
record Profile(String name, int[] ranks, long[] sizes, int reps, List<String> masters, Set<String> parts,
               long piIntervals, int points, int iterations, Path out) {

    /** A comma between masters, not one inside brackets: {@code local-cluster[2,1,2048],cluster[4]} is two. */
    private static final String BETWEEN_MASTERS = ",(?![^\\[]*\\])";

    static final List<String> ALL_PARTS = List.of("localworld", "allreduce", "pingpong", "stages", "scaling", "kmeans");

    static Profile parse(String[] args, Path defaultOut) {
        String name = args.length > 0 && !args[0].startsWith("--") ? args[0] : "quick";
        Profile p = switch (name) {
            case "quick" -> new Profile(name, new int[] {2, 4}, sizes("8,8k,1m,8m,64m"), 10,
                    List.of("local", "local-cluster"), Set.copyOf(ALL_PARTS), 200_000_000L, 1_000_000, 20, defaultOut);
            case "long" -> new Profile(name, new int[] {2, 3, 4, 8}, sizes("8,1k,8k,64k,1m,8m,64m"), 20,
                    List.of("local", "local-cluster"), Set.copyOf(ALL_PARTS), 1_000_000_000L, 4_000_000, 20, defaultOut);
            case "tiny" -> new Profile(name, new int[] {2}, sizes("8,1m"), 3, List.of("local"),
                    Set.copyOf(ALL_PARTS), 10_000_000L, 100_000, 5, defaultOut);
            default -> throw new IllegalArgumentException("unknown profile " + name + ": quick, long or tiny");
        };
        for (int i = name.equals(args.length > 0 ? args[0] : "") ? 1 : 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String v = args[i + 1];
            p = switch (args[i]) {
                case "--ranks" -> new Profile(p.name, Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray(),
                        p.sizes, p.reps, p.masters, p.parts, p.piIntervals, p.points, p.iterations, p.out);
                case "--sizes" -> new Profile(p.name, p.ranks, sizes(v), p.reps, p.masters, p.parts, p.piIntervals,
                        p.points, p.iterations, p.out);
                case "--reps" -> new Profile(p.name, p.ranks, p.sizes, Integer.parseInt(v), p.masters, p.parts,
                        p.piIntervals, p.points, p.iterations, p.out);
                case "--masters" -> new Profile(p.name, p.ranks, p.sizes, p.reps, List.of(v.split(BETWEEN_MASTERS)), p.parts,
                        p.piIntervals, p.points, p.iterations, p.out);
                case "--parts" -> new Profile(p.name, p.ranks, p.sizes, p.reps, p.masters, Set.of(v.split(",")),
                        p.piIntervals, p.points, p.iterations, p.out);
                case "--pi" -> new Profile(p.name, p.ranks, p.sizes, p.reps, p.masters, p.parts,
                        (long) Double.parseDouble(v), p.points, p.iterations, p.out);
                case "--points" -> new Profile(p.name, p.ranks, p.sizes, p.reps, p.masters, p.parts, p.piIntervals,
                        (int) Double.parseDouble(v), p.iterations, p.out);
                case "--out" -> new Profile(p.name, p.ranks, p.sizes, p.reps, p.masters, p.parts, p.piIntervals,
                        p.points, p.iterations, Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            };
        }
        return p;
    }

    static long[] sizes(String csv) {
        return Arrays.stream(csv.split(",")).mapToLong(Units::parseBytes).toArray();
    }

    int maxRanks() {
        return Arrays.stream(ranks).max().orElse(2);
    }

    boolean has(String part) {
        return parts.contains(part);
    }

    /** The Spark master URL of a short name: local[N] or local-cluster[2,N/2,MB] with enough slots. */
    String masterUrl(String shortName) {
        int n = Math.max(4, maxRanks());
        return switch (shortName) {
            case "local" -> "local[" + n + "]";
            case "local-cluster" -> "local-cluster[2," + (n + 1) / 2 + ",3072]";
            default -> shortName;
        };
    }

    String describe() {
        return String.format("profile `%s`: ranks %s, sizes %s, %d repetitions at small sizes (fewer from 4 MB), "
                        + "masters %s%s, parts %s, pi %,d intervals, k-means %,d points x %d iterations at most",
                name, Arrays.toString(ranks), Arrays.stream(sizes).mapToObj(Units::bytes).toList(), reps, masters,
                name.equals("quick") ? " (allreduce on the first at every rank count, on the others at " + maxRanks()
                        + " ranks)" : "",
                ALL_PARTS.stream().filter(parts::contains).toList(), piIntervals, points, iterations);
    }
}
