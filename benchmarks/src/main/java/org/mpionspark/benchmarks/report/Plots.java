package org.mpionspark.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG plots (XChart): time and bus bandwidth against size on log-log axes, one line
 * per method; ping-pong latency and bandwidth; speed-up against ranks beside the ideal line.
 */
public final class Plots {

    private Plots() {
    }

    /** One line of a plot: its legend and its points. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** Lines of {@code ms} by method, x = bytes per rank, y = {@code value} of each measurement. */
    public static List<Line> bySize(List<Measurement> ms, ToDoubleFunction<Measurement> value) {
        Map<String, List<Measurement>> byMethod = new LinkedHashMap<>();
        for (Measurement m : ms) {
            byMethod.computeIfAbsent(label(m), k -> new ArrayList<>()).add(m);
        }
        List<Line> lines = new ArrayList<>();
        byMethod.forEach((name, list) -> {
            List<Measurement> sorted = list.stream().filter(m -> m.bytes() > 0)
                    .sorted(java.util.Comparator.comparingLong(Measurement::bytes)).toList();
            lines.add(new Line(name, sorted.stream().mapToDouble(Measurement::bytes).toArray(),
                    sorted.stream().mapToDouble(value).toArray()));
        });
        return lines;
    }

    /** The legend of a measurement: its method, and its master where that is not the one plotted. */
    static String label(Measurement m) {
        return m.master().equals("native") ? m.method()
                : m.method() + (m.section().equals("pingpong") ? " [" + m.master() + "]" : "");
    }

    /**
     * A log-log plot of {@code lines} against bytes per rank, written to {@code file} (PNG). The x
     * axis is log2(bytes) on a linear scale, labelled in bytes: XChart's own log axis cannot take
     * custom labels.
     */
    public static Path sizePlot(String title, String yTitle, List<Line> lines, Path file) throws IOException {
        XYChart chart = chart(title, "bytes per rank (log scale)", yTitle);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.setCustomXAxisTickLabelsFormatter(x -> Units.bytes(Math.round(Math.pow(2, x))));
        List<Line> log2 = lines.stream().map(l -> new Line(l.name(),
                java.util.Arrays.stream(l.x()).map(x -> Math.log(x) / Math.log(2)).toArray(), l.y())).toList();
        add(chart, log2);
        return save(chart, file);
    }

    /** Speed-up against workers, with the ideal line {@code y = x}. */
    public static Path speedupPlot(String title, List<Line> lines, Path file) throws IOException {
        XYChart chart = chart(title, "ranks or threads", "speed-up over 1 (T1 / TN)");
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : "");
        double max = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.x())).max().orElse(1);
        add(chart, lines);
        XYSeries ideal = chart.addSeries("ideal (T1 / N)", new double[] {1, max}, new double[] {1, max});
        ideal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        ideal.setLineColor(Color.GRAY);
        ideal.setMarker(SeriesMarkers.NONE);
        return save(chart, file);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(960).height(600).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setMarkerSize(7);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAntiAlias(true);
        return chart;
    }

    private static void add(XYChart chart, List<Line> lines) {
        int ours = 0;
        int spark = 0;
        for (Line l : lines) {
            if (l.x().length > 0) {
                XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
                String n = l.name();
                if (n.startsWith("ours")) {
                    s.setLineColor(OURS[ours % OURS.length]);
                    s.setMarkerColor(OURS[ours++ % OURS.length]);
                } else if (n.startsWith("Spark")) {
                    s.setLineColor(SPARK[spark % SPARK.length]);
                    s.setMarkerColor(SPARK[spark++ % SPARK.length]);
                    s.setLineStyle(DASHED);
                } else if (n.startsWith("Open MPI")) {
                    s.setLineColor(Color.BLACK);
                    s.setMarkerColor(Color.BLACK);
                } else if (n.startsWith("MPJ")) {
                    s.setLineColor(new Color(230, 140, 0));
                    s.setMarkerColor(new Color(230, 140, 0));
                } else if (n.startsWith("raw")) {
                    s.setLineColor(Color.GRAY);
                    s.setMarkerColor(Color.GRAY);
                    s.setLineStyle(DOTTED);
                }
            }
        }
    }

    /** Our lines in blues and greens, Spark's dashed in reds, so families read at a glance. */
    private static final Color[] OURS = {new Color(31, 90, 200), new Color(0, 150, 120), new Color(110, 170, 240),
        new Color(90, 60, 170)};
    private static final Color[] SPARK = {new Color(200, 30, 30), new Color(150, 70, 20), new Color(230, 100, 140)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {8, 5}, 0);
    private static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {2, 4}, 0);

    private static Path save(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
