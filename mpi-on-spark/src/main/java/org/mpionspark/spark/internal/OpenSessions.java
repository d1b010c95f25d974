package org.mpionspark.spark.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkContext;

/** The interactive sessions open on each SparkContext: their ranks hold task slots, so a slot shortage names them. */
public final class OpenSessions {

    private record Open(SparkContext sc, String description) {
    }

    private static final Map<String, Open> OPEN = new ConcurrentHashMap<>();

    private OpenSessions() {
    }

    /** Session {@code name} holds slots of {@code sc} from now on. */
    public static void opened(SparkContext sc, String name, int ranks) {
        OPEN.put(name, new Open(sc, name + " (" + ranks + " ranks)"));
    }

    /** Session {@code name} was closed, or its context stopped. */
    public static void closed(String name) {
        OPEN.remove(name);
    }

    /** The sessions open on {@code sc}, e.g. "mpi-session-1 (4 ranks)", in the order of their names. */
    public static List<String> on(SparkContext sc) {
        return OPEN.values().stream().filter(o -> o.sc() == sc).map(Open::description).sorted().toList();
    }
}
