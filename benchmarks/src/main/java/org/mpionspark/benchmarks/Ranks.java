package org.mpionspark.benchmarks;

import java.util.List;

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
        return spark(jsc, true);
    }

    /**
     * SPMD stages of {@code jsc}; {@code memoryPath} false sends every message through MPJ Express,
     * even between ranks of one JVM ({@code spark.mpi.memoryPath}), which the master's name then says.
     */
    static Ranks spark(JavaSparkContext jsc, boolean memoryPath) {
        JavaMpiContext mpi = new JavaMpiContext(jsc);
        String master = jsc.master() + (memoryPath ? "" : ", memory path off");
        return new Ranks() {
            @Override
            public String master() {
                return master;
            }

            @Override
            public <R> List<R> run(int ranks, Boolean coresShared, RankFunction<R> body) {
                // read by every stage from the context's live conf (private[spark] in Scala, public in bytecode)
                jsc.sc().conf().set(MpiConf.CORES_SHARED.name(), coresShared == null ? "auto" : coresShared.toString());
                jsc.sc().conf().set(MpiConf.MEMORY_PATH.name(), Boolean.toString(memoryPath));
                try {
                    return mpi.run(ranks, body);
                } finally {
                    jsc.sc().conf().set(MpiConf.CORES_SHARED.name(), "auto");
                    jsc.sc().conf().remove(MpiConf.MEMORY_PATH.name());
                }
            }
        };
    }
}
