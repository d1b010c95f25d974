package org.mpionspark.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.mpionspark.bridge.RankOptions;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.internal.BarrierRank;
import org.mpionspark.spark.internal.DriverRendezvous;
import org.mpionspark.spark.internal.SlotCheck;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The entry point for MPI code on Spark, beside a {@link JavaSparkContext}: each SPMD stage is a
 * barrier stage whose tasks are the ranks of one MPJ Express world.
 *
 * <pre>{@code
 * JavaMpiContext mpi = new JavaMpiContext(jsc);
 * List<Integer> ranks = mpi.run(4, comm -> comm.rank());                        // on the driver
 * JavaRDD<Double> sums = mpi.mapPartitions(rdd, (comm, part) -> ...);          // over an RDD
 * }</pre>
 */
public final class JavaMpiContext {

    private final JavaSparkContext jsc;

    public JavaMpiContext(JavaSparkContext jsc) {
        this.jsc = jsc;
    }

    /** The Spark context the SPMD stages run on. */
    public JavaSparkContext sparkContext() {
        return jsc;
    }

    /**
     * Runs {@code body} on {@code ranks} ranks and returns their results in rank order. If a rank
     * throws, every other rank is freed and this throws {@link MpiRankFailedException} naming that
     * rank, with its original exception as the cause.
     */
    public <R> List<R> run(int ranks, RankFunction<R> body) {
        SlotCheck.require(jsc.sc(), ranks);
        List<Integer> seeds = IntStream.range(0, ranks).boxed().toList();
        RendezvousServer.Registration reg = register(ranks);
        try {
            JavaRDD<R> out = spmd(jsc.parallelize(seeds, ranks), reg,
                    (comm, ignored) -> Collections.singletonList(body.call(comm)).iterator());
            return new ArrayList<>(out.collect());
        } catch (Exception e) { // Spark throws SparkException unchecked, from Scala
            throw reg.firstFailure()
                    .<RuntimeException>map(f -> new MpiRankFailedException(f.rank(), ranks, f.message(),
                            f.error() != null ? f.error() : e))
                    .orElseGet(() -> e instanceof RuntimeException re ? re : new RuntimeException(e));
        } finally {
            reg.close();
        }
    }

    /**
     * An RDD whose partition {@code p} is what rank {@code p} of an SPMD stage over {@code rdd}
     * returns; lazy, like any transformation. Every computation of it (each action, each retry)
     * forms a fresh MPI world of {@code rdd.getNumPartitions()} ranks.
     */
    public <T, R> JavaRDD<R> mapPartitions(JavaRDD<T> rdd, SpmdFunction<T, R> body) {
        SlotCheck.require(jsc.sc(), rdd.getNumPartitions());
        return spmd(rdd, register(rdd.getNumPartitions()), body);
    }

    private RendezvousServer.Registration register(int ranks) {
        return DriverRendezvous.of(jsc.sc()).register(ranks, MpiConf.RENDEZVOUS_TIMEOUT.get(jsc.getConf()));
    }

    private <T, R> JavaRDD<R> spmd(JavaRDD<T> rdd, RendezvousServer.Registration reg, SpmdFunction<T, R> body) {
        RankOptions options = MpiConf.rankOptions(jsc.getConf());
        ClassTag<R> tag = ClassTag$.MODULE$.apply(Object.class);
        RDD<R> out = rdd.rdd().barrier().mapPartitions(new BarrierRank<>(reg.ticket(), options, body), false, tag);
        return new JavaRDD<>(out, tag);
    }
}
