package org.mpionspark.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * Does what Zeppelin's Spark interpreter does with a note's {@code %spark} paragraphs: one Scala
 * 2.13 REPL with class-based line wrappers (as Zeppelin's), {@code spark}, {@code sc} and a minimal
 * {@code z} bound ({@code @transient}, as Zeppelin and spark-shell bind them) to a {@code local[N]} session made inside it, the project's jars on its class
 * path; each paragraph interpreted whole, in order, under a job group of its own, its printed output
 * and the REPL's echo kept as the paragraph's output.
 */
final class NoteRunner implements AutoCloseable {

    /** What one paragraph gave. */
    record Output(Notebook.Paragraph paragraph, boolean ok, String text, long millis) {
    }

    private final IMain repl;
    private final SwitchableWriter echo = new SwitchableWriter();

    /** A REPL with {@code spark} on {@code master}, with {@code conf} added to its configuration. */
    NoteRunner(String master, Map<String, String> conf) {
        Settings settings = new Settings();
        ((scala.tools.nsc.settings.MutableSettings.BooleanSetting) settings.usejavacp()).value_$eq(true);
        settings.processArgumentString("-Yrepl-class-based");
        repl = new IMain(settings, new ReplReporterImpl(settings, new PrintWriter(echo, true)));
        StringBuilder boot = new StringBuilder("import org.apache.spark.sql.SparkSession\n")
                .append("@transient val spark = SparkSession.builder().master(\"").append(master).append("\").appName(\"zeppelin-notes\")");
        conf.forEach((k, v) -> boot.append("\n  .config(\"").append(k).append("\", \"").append(v).append("\")"));
        boot.append(".getOrCreate()\n")
                .append("@transient val sc = spark.sparkContext\n")
                .append("@transient val z = new org.mpionspark.notebooks.MiniZeppelinContext()\n")
                // what Zeppelin's Spark interpreter imports before the first paragraph
                .append("import org.apache.spark.SparkContext._\nimport spark.implicits._\nimport spark.sql\n")
                .append("import org.apache.spark.sql.functions._\n");
        String out = interpret(boot.toString());
        if (out != null) {
            throw new IllegalStateException("the harness could not start Spark in the REPL:\n" + out);
        }
    }

    /** The default harness: {@code local[4]}, no UI, the driver on loopback, a 2 s deadlock watchdog. */
    static NoteRunner local() {
        return new NoteRunner("local[4]", Map.of(
                "spark.ui.enabled", "false",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                "spark.mpi.deadlock.timeout", "2s"));
    }

    /** Runs every paragraph of {@code note} in order (md ones are shown, not run); stops at the first error. */
    List<Output> run(Notebook note, java.util.function.Consumer<Output> each) {
        List<Output> outputs = new ArrayList<>();
        for (Notebook.Paragraph p : note.paragraphs()) {
            Output o;
            if (!p.isSpark()) {
                o = new Output(p, true, p.code().strip(), 0);
            } else {
                SparkContext sc = SparkSession.active().sparkContext();
                sc.setJobGroup("zeppelin|harness|" + note.id() + "|" + p.id(), "paragraph " + p.index(), false);
                long start = System.nanoTime();
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                Results.Result r;
                synchronized (echo) {
                    echo.target = buf;
                }
                try {
                    r = scala.Console$.MODULE$.withOut(buf, () -> repl.interpret(p.code()));
                } finally {
                    synchronized (echo) {
                        echo.target = null;
                    }
                    sc.clearJobGroup();
                }
                o = new Output(p, r == Results.Success$.MODULE$, buf.toString(StandardCharsets.UTF_8)
                        + (r == Results.Incomplete$.MODULE$ ? "\n(incomplete: the paragraph ends inside an expression)" : ""),
                        (System.nanoTime() - start) / 1_000_000);
            }
            outputs.add(o);
            each.accept(o);
            if (!o.ok()) {
                break;
            }
        }
        return outputs;
    }

    /** The value of a REPL term (a note's {@code val}), or throws naming it. */
    Object value(String term) {
        return repl.valueOfTerm(term).getOrElse(() -> {
            throw new AssertionError("the REPL has no value named " + term);
        });
    }

    /** Interprets {@code code}; returns null if it succeeded, else what it printed. */
    String interpret(String code) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        synchronized (echo) {
            echo.target = buf;
        }
        try {
            Results.Result r = scala.Console$.MODULE$.withOut(buf, () -> repl.interpret(code));
            return r == Results.Success$.MODULE$ ? null : buf.toString(StandardCharsets.UTF_8);
        } finally {
            synchronized (echo) {
                echo.target = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            SparkSession.active().stop();
        } catch (IllegalStateException ignored) {
            // no session was started
        }
        repl.close();
    }

    /** The REPL's echo ({@code val x: Int = 3}) goes to the running paragraph's output, else to stderr. */
    private static final class SwitchableWriter extends Writer {
        ByteArrayOutputStream target;

        @Override
        public synchronized void write(char[] c, int off, int len) {
            byte[] b = new String(c, off, len).getBytes(StandardCharsets.UTF_8);
            if (target != null) {
                target.write(b, 0, b.length);
            } else {
                System.err.write(b, 0, b.length);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
