package org.mpionspark.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.mpionspark.bridge.comm.EngineAccess;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bridge alone, no Spark (JMH): allreduce (SUM of a double vector) on a
 * {@link org.mpionspark.local.LocalWorld} of threads, ours beside MPJ Express's own {@code Allreduce}.
 * JMH's thread drives rank 0; the other ranks follow ({@link LedWorld}). Sample-time mode, so the
 * report can quote medians.
 *
 * <p>How to run alone: {@code mvn -B -q package -DskipTests -pl benchmarks -am -Drun=jmh.AllreduceJmh}
 * (JMH options may follow in {@code -Drun.args}, e.g. {@code "-p ranks=2,8 -p bytes=8,67108864"}).
 * The report ({@code -Drun=Report}) runs it too. Expected: ours ahead of MPJ's from 8 MB in memory;
 * microseconds at 8 B, tens to hundreds of milliseconds at 64 MB on 2 cores.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class AllreduceJmh {

    /**
     * Allreduce on {@code ranks} ranks; {@code impl}: ours (automatic family, or one forced; "ours-mpj":
     * over MPJ Express, the memory path off) or MPJ Express's own ("mpj", the memory path off).
     */
    @State(Scope.Benchmark)
    public static class AllreduceWorld {
        @Param({"2", "4"})
        public int ranks;
        @Param({"8", "8192", "1048576", "8388608", "67108864"})
        public int bytes;
        @Param({"ours", "mpj"})
        public String impl;
        LedWorld world;

        @Setup(Level.Trial)
        public void start() throws Exception {
            Boolean shared = switch (impl) {
                case "ours-shared" -> Boolean.TRUE;
                case "ours-own" -> Boolean.FALSE;
                default -> null;
            };
            LedWorld.Step step = impl.equals("mpj") ? AllreduceJmh::mpjAllreduce : AllreduceJmh::ourAllreduce;
            boolean memoryPath = !impl.equals("mpj") && !impl.equals("ours-mpj");
            world = LedWorld.start(ranks, shared, memoryPath, Math.max(1, bytes / 8), step, step);
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            world.close();
        }
    }

    /** One allreduce; the score is its time on rank 0. */
    @Benchmark
    public double allreduce(AllreduceWorld w) {
        return w.world.step();
    }

    static void ourAllreduce(Communicator comm, double[] send, double[] recv) {
        comm.allreduce(send, recv, Op.SUM);
    }

    static void mpjAllreduce(Communicator comm, double[] send, double[] recv) {
        EngineAccess.nativeCollectives(comm).allreduceSum(send, recv);
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {AllreduceJmh.class.getName()});
    }
}
