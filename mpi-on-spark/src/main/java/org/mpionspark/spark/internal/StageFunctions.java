package org.mpionspark.spark.internal;

import java.util.Collections;
import java.util.Iterator;

import org.apache.spark.api.java.function.Function2;
import org.mpionspark.bridge.rank.ThreadOutput;
import org.mpionspark.spark.RankFunction;
import org.mpionspark.spark.SpmdFunction;
import scala.Tuple2;

/**
 * The functions {@code JavaMpiContext} ships to the executors, defined here rather than in it: a
 * serialised lambda names the class that made it, and Java serialisation of a class reads all its
 * method signatures, which in {@code JavaMpiContext} name Spark SQL's {@code Dataset}, absent where
 * an application has only spark-core.
 */
public final class StageFunctions {

    private StageFunctions() {
    }

    /** One rank's value and output, on their way to the driver. */
    public record Printed<R>(R value, String stdout, String stderr) {
    }

    /** {@code body} as the SPMD function of a stage with one dummy record per rank: its value is the rank's one record. */
    public static <T, R> SpmdFunction<T, R> single(RankFunction<R> body) {
        return (comm, ignored) -> Collections.singletonList(body.call(comm)).iterator();
    }

    /** {@code body} with what it prints to stdout and stderr captured, at most {@code limit} bytes of each. */
    public static <R> RankFunction<Printed<R>> printing(RankFunction<R> body, int limit) {
        return comm -> {
            try (ThreadOutput.Capture c = ThreadOutput.start(true, true, limit)) {
                R value = ScalaConsole.toSystemStreams(() -> body.call(comm));
                System.out.flush();
                System.err.flush();
                return new Printed<>(value, c.stdout(), c.stderr());
            }
        };
    }

    /** Pairs each record of partition {@code p} with {@code p}, lazily. */
    public static <R> Function2<Integer, Iterator<R>, Iterator<Tuple2<Integer, R>>> keyedByPartition() {
        return (p, it) -> new KeyedIterator<>(p, it);
    }
}
