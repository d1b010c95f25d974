package org.mpionspark.benchmarks;

import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.MpiConf;
import org.mpionspark.spark.RankFunction;

/**
 * Where a rank body runs (an SPMD stage of Spark today); {@code coresShared} forces one family of
 * collective algorithms (null: the automatic choice).
 */
interface Ranks {

    /** How the report names this place: the Spark master. */
    String master();

    <R> List<R> run(int ranks, Boolean coresShared, RankFunction<R> body);

    /** SPMD stages of {@code jsc}, with the bridge's default paths between ranks. */
    static Ranks spark(JavaSparkContext jsc) {
        return spark(jsc, Path.DEFAULT);
    }

    /** Which way messages go between ranks: the master's name says it after the master URL. */
    enum Path {
        /** Memory within a JVM, lanes between JVMs. */
        DEFAULT("", Map.of()),
        /** Every message through MPJ Express's {@code niodev}, even between ranks of one JVM: as before the memory path and the lanes. */
        OVER_MPJ(", memory path off", Map.of(MpiConf.MEMORY_PATH.name(), "false", MpiConf.LANES.name(), "false")),
        /** Memory within a JVM, MPJ Express's {@code niodev} between JVMs: as before the lanes. */
        LANES_OFF(", lanes off", Map.of(MpiConf.LANES.name(), "false"));

        final String suffix;
        final Map<String, String> settings;

        Path(String suffix, Map<String, String> settings) {
            this.suffix = suffix;
            this.settings = settings;
        }
    }

    /** SPMD stages of {@code jsc} whose messages take {@code path}, which the master's name then says. */
    static Ranks spark(JavaSparkContext jsc, Path path) {
        JavaMpiContext mpi = new JavaMpiContext(jsc);
        String master = jsc.master() + path.suffix;
        return new Ranks() {
            @Override
            public String master() {
                return master;
            }

            @Override
            public <R> List<R> run(int ranks, Boolean coresShared, RankFunction<R> body) {
                // read by every stage from the context's live conf (private[spark] in Scala, public in bytecode)
                jsc.sc().conf().set(MpiConf.CORES_SHARED.name(), coresShared == null ? "auto" : coresShared.toString());
                path.settings.forEach((k, v) -> jsc.sc().conf().set(k, v));
                try {
                    return mpi.run(ranks, body);
                } finally {
                    jsc.sc().conf().set(MpiConf.CORES_SHARED.name(), "auto");
                    path.settings.keySet().forEach(k -> jsc.sc().conf().remove(k));
                }
            }
        };
    }
}
