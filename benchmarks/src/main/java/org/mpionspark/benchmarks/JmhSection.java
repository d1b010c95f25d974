package org.mpionspark.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mpionspark.benchmarks.jmh.AllreduceJmh;
import org.mpionspark.benchmarks.jmh.PingPongJmh;
import org.mpionspark.benchmarks.report.Measurement;
import org.mpionspark.benchmarks.report.Results;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The bridge alone, no Spark: runs {@link AllreduceJmh} and {@link PingPongJmh} (JMH, a forked JVM per trial) over the
 * profile's rank counts and sizes and turns its sample-time medians into the report's measurements.
 */
final class JmhSection {

    static final String MASTER = "local world (no Spark, JMH)";
    private static final Map<String, String> METHODS = Map.of("ours", AllreduceSection.OURS, "mpj", AllreduceSection.MPJ,
            "ours-shared", AllreduceSection.OURS_SHARED, "ours-own", AllreduceSection.OURS_OWN,
            "ours-mpj", AllreduceSection.OURS_OVER_MPJ);

    private JmhSection() {
    }

    static void measure(Profile p, Results results) throws Exception {
        boolean quick = !p.name().equals("long");
        String[] impls = quick ? new String[] {"ours", "mpj"}
                : new String[] {"ours", "ours-shared", "ours-own", "ours-mpj", "mpj"};
        String[] bytes = Arrays.stream(p.sizes()).mapToObj(Long::toString).toArray(String[]::new);
        String[] ranks = Arrays.stream(p.ranks()).mapToObj(Integer::toString).toArray(String[]::new);
        System.out.printf("JMH, local world: ranks %s, sizes %s, %s%n", Arrays.toString(ranks), Arrays.toString(bytes),
                Arrays.toString(impls));
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("(" + AllreduceJmh.class.getName() + "|" + PingPongJmh.class.getName() + ")\\.")
                .param("ranks", ranks).param("bytes", bytes).param("impl", impls)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .forks(1).timeUnit(TimeUnit.MICROSECONDS).shouldFailOnError(false);
        Collection<RunResult> runs = new Runner(o.build()).run();
        for (RunResult r : runs) {
            String bench = r.getParams().getBenchmark();
            boolean pingPong = bench.endsWith("pingPong");
            long b = Long.parseLong(r.getParams().getParam("bytes"));
            var stats = r.getPrimaryResult().getStatistics();
            double scale = 1e-3 / (pingPong ? 2 : 1); // µs per call -> ms, one way for ping-pong
            if (stats.getN() == 0) {
                continue;
            }
            results.add(new Measurement(pingPong ? PingPongSection.SECTION : AllreduceSection.SECTION,
                    pingPong ? PingPongSection.OURS : METHODS.get(r.getParams().getParam("impl")), MASTER,
                    pingPong ? 2 : Integer.parseInt(r.getParams().getParam("ranks")), b,
                    stats.getPercentile(50) * scale, stats.getMin() * scale, stats.getMax() * scale, (int) stats.getN()));
        }
        long expected = (long) ranks.length * bytes.length * impls.length + bytes.length;
        if (runs.size() < expected) {
            results.note(AllreduceSection.SECTION, "JMH gave " + runs.size() + " of " + expected
                    + " results: a trial that failed is left out (its error is in the run's output)");
        }
    }
}
