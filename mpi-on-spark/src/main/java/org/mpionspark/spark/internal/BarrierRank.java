package org.mpionspark.spark.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.mpionspark.bridge.rank.RankLauncher;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.rank.RankSession;
import org.mpionspark.bridge.rendezvous.WorldTicket;
import org.mpionspark.mpi.MpiAbortedException;
import org.mpionspark.mpi.MpiRankFailedException;
import org.mpionspark.spark.SpmdFunction;
import org.slf4j.MDC;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The body of every barrier task of an SPMD stage: partition {@code p} becomes rank {@code p} of
 * a world of {@code numPartitions} ranks, keyed by stage and attempt so a retried stage forms a
 * fresh world. The rank's output is materialised before the world ends, since it may be
 * produced by MPI calls, and each record is encoded with the object tier's Kryo (so whatever can
 * travel between ranks can be returned): {@link Results} decodes them. While it runs, the task thread's name and the log MDC
 * ({@code mpi.stage}, {@code mpi.rank}) say which stage and rank it is.
 */
public final class BarrierRank<T, R> extends AbstractFunction1<scala.collection.Iterator<T>, scala.collection.Iterator<byte[]>>
        implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final WorldTicket ticket;
    private final RankOptions options;
    private final SpmdFunction<T, R> body;

    public BarrierRank(WorldTicket ticket, RankOptions options, SpmdFunction<T, R> body) {
        this.ticket = ticket;
        this.options = options;
        this.body = body;
    }

    /** The key of the world of one run of a stage, e.g. "stage 12 attempt 0". */
    static String worldKey(int stage, int attempt) {
        return "stage " + stage + " attempt " + attempt;
    }

    /** The stage of a {@link #worldKey}. */
    public static int stageOf(String worldKey) {
        return Integer.parseInt(worldKey.split(" ")[1]);
    }

    /** The stage attempt of a {@link #worldKey}, from 0. */
    public static int attemptOf(String worldKey) {
        return Integer.parseInt(worldKey.split(" ")[3]);
    }

    @Override
    public scala.collection.Iterator<byte[]> apply(scala.collection.Iterator<T> partition) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        int rank = ctx.partitionId();
        int size = ctx.getTaskInfos().length;
        if (size != ticket.size()) {
            throw new IllegalStateException("the barrier stage has " + size + " tasks but the SPMD job was set up for "
                    + ticket.size() + " ranks");
        }
        String worldKey = worldKey(ctx.stageId(), ctx.stageAttemptNumber());
        Thread me = Thread.currentThread();
        String taskName = me.getName();
        me.setName(taskName + " [mpi " + worldKey + " rank " + rank + "/" + size + "]"); // in thread dumps and logs
        MDC.put("mpi.stage", worldKey);
        MDC.put("mpi.rank", Integer.toString(rank));
        try {
            return CollectionConverters.asScala(runRank(ctx, worldKey, rank, size, partition).iterator());
        } finally {
            MDC.remove("mpi.stage");
            MDC.remove("mpi.rank");
            me.setName(taskName);
        }
    }

    /**
     * With {@code spark.authenticate}, the application's secret, read here on the executor (never
     * shipped in the task): the data connections between this world's JVMs prove it too.
     */
    private static RankOptions withApplicationSecret(RankOptions options) {
        byte[] secret = applicationSecret();
        return secret == null ? options : options.withApplicationSecret(secret);
    }

    /**
     * The application's secret as this JVM's {@code SparkEnv} holds it ({@code spark.authenticate}),
     * driver or executor alike; {@code null} without one.
     */
    static byte[] applicationSecret() {
        SparkEnv env = SparkEnv.get();
        if (env == null || !env.conf().getBoolean("spark.authenticate", false)) {
            return null;
        }
        String secret = env.securityManager().getSecretKey();
        return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> runRank(BarrierTaskContext ctx, String worldKey, int rank, int size,
                                 scala.collection.Iterator<T> partition) {
        RankSession session = RankLauncher.start(ticket, worldKey, rank, withApplicationSecret(options),
                ctx::isInterrupted);
        List<byte[]> out = new ArrayList<>();
        try {
            Iterator<R> result = body.call(session.communicator(), CollectionConverters.asJava(partition));
            if (result != null) {
                Results.Encoder encoder = new Results.Encoder(options, rank);
                result.forEachRemaining(r -> out.add(encoder.encode(r)));
            }
        } catch (Throwable t) {
            session.fail(t);
            if (t instanceof MpiAbortedException a) {
                throw a;
            }
            throw new MpiRankFailedException(rank, size, t.toString(), t);
        }
        session.complete();
        return out;
    }
}
