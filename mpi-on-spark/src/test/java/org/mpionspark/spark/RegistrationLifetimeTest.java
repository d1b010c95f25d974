package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.Reference;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.bridge.rendezvous.RendezvousServer;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.internal.DriverRendezvous;

/**
 * An RDD from {@code mapPartitions} keeps its rendezvous registration while the driver can still
 * compute it, and gives it back once it is unreachable or the context stops.
 */
@Timeout(180)
class RegistrationLifetimeTest {

    @Test
    void aRegistrationLivesAsLongAsItsRddThenGoes() {
        JavaSparkContext jsc = SparkSessions.local(4);
        try {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            RendezvousServer server = DriverRendezvous.of(jsc.sc());
            mpi.run(2, comm -> comm.rank()); // run() closes its own
            assertEquals(0, server.registrationCount());

            JavaRDD<Long> sums = sumsOf(mpi, jsc);
            JavaRDD<String> derived = sums.map(s -> "sum " + s);
            assertEquals(1, server.registrationCount());
            assertEquals(List.of(5050L, 5050L, 5050L, 5050L), sums.collect());
            sums = null; // only the derived RDD's lineage reaches it now
            System.gc();
            assertEquals(Collections.nCopies(4, "sum 5050"), derived.collect(), "still usable through the derived RDD");
            assertEquals(1, server.registrationCount());

            derived = null;
            assertEquals(0, afterGc(server::registrationCount, 0), "the registration of an unreachable RDD");

            JavaRDD<Long> kept = sumsOf(mpi, jsc);
            assertEquals(4, kept.count());
            assertEquals(1, server.registrationCount());
            jsc.stop();
            assertEquals(0, afterGc(server::registrationCount, 0), "the registration left when the context stopped");
            Reference.reachabilityFence(kept);
        } finally {
            jsc.stop();
        }
    }

    private static JavaRDD<Long> sumsOf(JavaMpiContext mpi, JavaSparkContext jsc) {
        JavaRDD<Integer> numbers = jsc.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4);
        return mpi.mapPartitions(numbers, (comm, part) -> {
            long[] total = {0};
            part.forEachRemaining(v -> total[0] += v);
            comm.allreduce(total, total, Op.SUM);
            return Collections.singletonList(total[0]).iterator();
        });
    }

    /** {@code value} once it equals {@code expected}, or its last value after 30 s of collecting garbage. */
    private static int afterGc(IntSupplier value, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int v = value.getAsInt();
        while (v != expected && System.nanoTime() < deadline) {
            System.gc();
            LockSupport.parkNanos(50_000_000);
            v = value.getAsInt();
        }
        return v;
    }
}
