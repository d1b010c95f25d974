package org.mpionspark.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Plots;
import org.mpionspark.benchmarks.report.Results;
import org.mpionspark.benchmarks.report.Table;
import org.mpionspark.benchmarks.report.Units;

/**
 * The report's part for the namespace cluster ({@link ClusterSection}): ours against Open MPI over
 * the same namespaces, measured in the same run, as ratios; ping-pong beside the raw socket between
 * the same two executors; the empty SPMD stage beside an empty barrier stage; a bcast plot.
 */
final class ClusterTables {

    private final Results results;

    ClusterTables(Results results) {
        this.results = results;
    }

    /** The cluster masters measured, in order. */
    List<String> masters() {
        Set<String> out = new LinkedHashSet<>();
        results.where(m -> m.master().startsWith(ClusterSection.LABEL)).forEach(m -> out.add(m.master()));
        return new ArrayList<>(out);
    }

    /** The part's Markdown: empty when no cluster master was measured and nothing was noted. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        List<String> masters = masters();
        if (masters.isEmpty() && results.notes(ClusterSection.SECTION).isEmpty()) {
            return "";
        }
        md.append("## On the namespace cluster: ours against Open MPI over the same network\n\n")
          .append("A Spark standalone cluster of `build-support/cluster.sh` (one Worker per network namespace, "
                  + "executors of 2 cores, veth links on one bridge), the measurements submitted with spark-submit "
                  + "from the driver's namespace; Open MPI + mpi4py across the same namespaces (`cluster.sh mpirun`: "
                  + "`btl tcp,self`, `mpi_yield_when_idle 1`, a hostname per namespace), before and after ours, "
                  + "the better median kept. Ranks are placed round-robin over the workers on both sides.\n\n");
        for (String master : masters) {
            md.append("### ").append(master).append("\n\nPing-pong between two executors, one way:\n\n")
              .append(pingPong(master).markdown()).append("\nCollectives (each call after a barrier, as long as its "
                      + "slowest rank):\n\n").append(collectives(master).markdown())
              .append("\nStage start (medians, alternating):\n\n").append(stages(master).markdown()).append('\n');
        }
        for (String n : results.notes(ClusterSection.SECTION)) {
            md.append("- ").append(n).append('\n');
        }
        return md.append('\n').toString();
    }

    Table pingPong(String master) {
        Table t = new Table(List.of("bytes", "ours (send/recv)", "raw Java socket, same executors", "Open MPI over TCP",
                "ours / Open MPI", "ours / socket"));
        for (long b : sizes(PingPongSection.SECTION, master, 2)) {
            Optional<Measurement> ours = find(PingPongSection.SECTION, PingPongSection.OURS, master, 2, b);
            Optional<Measurement> socket = find(PingPongSection.SECTION, PingPongSection.RAW_SOCKET_BETWEEN, master, 2, b);
            Optional<Measurement> mpi = find(PingPongSection.SECTION, NativeMpi.METHOD, master, 2, b);
            t.row(List.of(Units.bytes(b), oneWay(ours), oneWay(socket), oneWay(mpi), ratio(ours, mpi), ratio(ours, socket)));
        }
        return t;
    }

    Table collectives(String master) {
        Table t = new Table(List.of("operation", "ranks", "bytes/rank", "ours", "Open MPI over TCP", "ours / Open MPI"));
        for (String[] op : List.of(new String[] {AllreduceSection.SECTION, AllreduceSection.OURS},
                new String[] {CollectivesOnRanks.BCAST, CollectivesOnRanks.OURS},
                new String[] {CollectivesOnRanks.BARRIER, CollectivesOnRanks.OURS})) {
            for (int n : rankCounts(op[0], master)) {
                for (long b : sizes(op[0], master, n)) {
                    Optional<Measurement> ours = find(op[0], op[1], master, n, b);
                    Optional<Measurement> mpi = find(op[0], NativeMpi.METHOD, master, n, b);
                    if (ours.isPresent() || mpi.isPresent()) {
                        t.row(List.of(op[0], Integer.toString(n), op[0].equals(CollectivesOnRanks.BARRIER) ? "—" : Units.bytes(b),
                                time(ours), time(mpi), ratio(ours, mpi)));
                    }
                }
            }
        }
        return t;
    }

    Table stages(String master) {
        Table t = new Table(List.of("ranks", "empty SPMD stage", "empty barrier stage (plain Spark)", "empty plain stage",
                "SPMD / barrier stage"));
        for (int n : rankCounts(StageSection.SECTION, master)) {
            Optional<Measurement> spmd = find(StageSection.SECTION, StageSection.SPMD, master, n, 0);
            Optional<Measurement> barrier = find(StageSection.SECTION, StageSection.BARRIER, master, n, 0);
            t.row(List.of(Integer.toString(n), time(spmd), time(barrier),
                    time(find(StageSection.SECTION, StageSection.BASELINE, master, n, 0)), ratio(spmd, barrier)));
        }
        return t;
    }

    /** One bcast plot per cluster master: ours and Open MPI at each rank count. */
    List<String> plots(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        for (String master : masters()) {
            List<Plots.Line> lines = new ArrayList<>();
            for (String method : List.of(CollectivesOnRanks.OURS, NativeMpi.METHOD)) {
                for (int n : rankCounts(CollectivesOnRanks.BCAST, master)) {
                    List<Measurement> ms = results.where(m -> m.section().equals(CollectivesOnRanks.BCAST)
                            && m.master().equals(master) && m.method().equals(method) && m.ranks() == n);
                    lines.addAll(Plots.bySize(ms, Measurement::medianMs).stream()
                            .map(l -> new Plots.Line(l.name() + ", " + n + " ranks", l.x(), l.y())).toList());
                }
            }
            if (!lines.isEmpty()) {
                files.add(Plots.sizePlot("Bcast time, " + master, "median time per bcast (ms, log scale)", lines,
                        dir.resolve("bcast-time-" + ReportWriter.slug(master) + ".png")).getFileName().toString());
            }
        }
        return files;
    }

    private Optional<Measurement> find(String section, String method, String master, int ranks, long bytes) {
        return results.find(section, method, master, ranks, bytes);
    }

    private int[] rankCounts(String section, String master) {
        return results.where(m -> m.section().equals(section) && m.master().equals(master))
                .stream().mapToInt(Measurement::ranks).distinct().sorted().toArray();
    }

    private long[] sizes(String section, String master, int ranks) {
        return results.where(m -> m.section().equals(section) && m.master().equals(master) && m.ranks() == ranks)
                .stream().mapToLong(Measurement::bytes).distinct().sorted().toArray();
    }

    private static String time(Optional<Measurement> m) {
        return m.map(x -> Units.millis(x.medianMs())).orElse("—");
    }

    /** A one-way time, with its bandwidth from 64 KB. */
    private static String oneWay(Optional<Measurement> m) {
        return m.map(x -> Units.millis(x.medianMs()) + (x.bytes() >= 65536 ? " (" + Units.gbs(x.algbwGBs()) + ")" : ""))
                .orElse("—");
    }

    private static String ratio(Optional<Measurement> num, Optional<Measurement> den) {
        return num.isPresent() && den.isPresent() ? Units.ratio(num.get().medianMs() / den.get().medianMs()) : "—";
    }
}
