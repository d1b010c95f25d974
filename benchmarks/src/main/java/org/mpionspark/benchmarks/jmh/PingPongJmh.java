package org.mpionspark.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

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
 * The bridge alone, no Spark (JMH): ping-pong between two ranks of a
 * {@link org.mpionspark.local.LocalWorld} through our {@code send}/{@code recv}. JMH's thread drives
 * rank 0; rank 1 follows ({@link LedWorld}). Sample-time mode; one-way time is half the score.
 *
 * <p>How to run alone: {@code mvn -B -q package -DskipTests -pl benchmarks -am -Drun=jmh.PingPongJmh}
 * (JMH options may follow in {@code -Drun.args}). The report ({@code -Drun=Report}) runs it too.
 * Expected: about a microsecond one way at 8 B between threads of one JVM.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class PingPongJmh {

    /** Two ranks bouncing a message through our send/recv. */
    @State(Scope.Benchmark)
    public static class PingPongWorld {
        @Param({"8", "8192", "1048576", "8388608", "67108864"})
        public int bytes;
        LedWorld world;

        @Setup(Level.Trial)
        public void start() throws Exception {
            world = LedWorld.start(2, null, true, Math.max(1, bytes / 8), (comm, send, recv) -> {
                comm.send(send, 1, 7);
                comm.recv(recv, 1, 7);
            }, (comm, send, recv) -> {
                comm.recv(recv, 0, 7);
                comm.send(recv, 0, 7);
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            world.close();
        }
    }

    /** One round trip; one-way time is half the score. */
    @Benchmark
    public double pingPong(PingPongWorld w) {
        return w.world.step();
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {PingPongJmh.class.getName()});
    }
}
