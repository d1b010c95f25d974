package org.mpionspark.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The variables of one rank of an {@link MpiSession}, kept on that rank between cells, as an
 * ipyparallel engine keeps its namespace. Lost when the session restarts its ranks (the error says so).
 * Used by the rank's cell thread only.
 */
public final class RankState {

    private final int rank;
    private final Map<String, Object> vars = new LinkedHashMap<>();

    RankState(int rank) {
        this.rank = rank;
    }

    /** Makes each rank's empty state; defined here, not in {@code MpiSession}, whose signatures name Spark SQL. */
    static org.mpionspark.spark.internal.SessionRankLoop.StateFactory factory() {
        return RankState::new;
    }

    /** Stores {@code value} under {@code name} (replacing any value there), and returns it. */
    public <T> T put(String name, T value) {
        vars.put(requireName(name), value);
        return value;
    }

    /**
     * The value stored under {@code name}, as the caller's type ({@code state.get[Array[Double]]("x")}
     * in Scala); a missing name throws, listing the names this rank has.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        if (!vars.containsKey(requireName(name))) {
            throw new NoSuchElementException("rank " + rank + " has no variable '" + name + "' (it has "
                    + (vars.isEmpty() ? "none" : vars.keySet()) + "); a cell must put it first, and a restarted "
                    + "session has lost every variable");
        }
        return (T) vars.get(name);
    }

    /** As {@link #get(String)}, checking the type: a wrong one throws, naming both types. */
    public <T> T get(String name, Class<T> type) {
        Object v = get(name);
        if (v != null && !box(type).isInstance(v)) {
            throw new ClassCastException("rank " + rank + ": variable '" + name + "' is a " + v.getClass().getName()
                    + ", not a " + type.getName());
        }
        return box(type).cast(v);
    }

    /** The value under {@code name}, or {@code orElse} if there is none. */
    @SuppressWarnings("unchecked")
    public <T> T getOrElse(String name, T orElse) {
        return vars.containsKey(requireName(name)) ? (T) vars.get(name) : orElse;
    }

    /** Whether a value is stored under {@code name}. */
    public boolean contains(String name) {
        return vars.containsKey(requireName(name));
    }

    /** Drops {@code name}'s value; returns whether there was one. */
    public boolean remove(String name) {
        boolean had = vars.containsKey(requireName(name));
        vars.remove(name);
        return had;
    }

    /** The names stored, in the order they were first put. */
    public List<String> names() {
        return new ArrayList<>(vars.keySet());
    }

    /** The rank this state lives on. */
    public int rank() {
        return rank;
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a rank variable needs a non-empty name");
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> box(Class<T> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return (Class<T>) java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    @Override
    public String toString() {
        return "RankState[rank " + rank + ": " + vars.keySet() + "]";
    }
}
