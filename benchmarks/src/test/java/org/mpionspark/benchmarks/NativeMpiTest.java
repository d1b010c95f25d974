package org.mpionspark.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mpionspark.benchmarks.report.Measurement;

/** The lines native/mpi_bench.py prints become measurements; anything else mpiexec prints is ignored. */
class NativeMpiTest {

    @Test
    void parsesResultLinesAndIgnoresTheRest() {
        String out = """
                [host:01234] some Open MPI warning
                RESULT kind=allreduce ranks=4 bytes=8388608 reps=10 median_ms=7.970587 min_ms=5.020424 max_ms=8.861776
                RESULT kind=allreduce ranks=4 bytes=8 reps=10 median_ms=0.010638 min_ms=0.010442 max_ms=8.483944
                """;
        List<Measurement> ms = NativeMpi.parse("allreduce", out);
        assertEquals(2, ms.size());
        assertEquals(new Measurement("allreduce", NativeMpi.METHOD, NativeMpi.MASTER, 4, 8388608, 7.970587, 5.020424,
                8.861776, 10), ms.get(0));
        assertEquals(8, ms.get(1).bytes());
    }

    @Test
    void aFailedInstallMakesNativeMpiUnavailableWithItsReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("native"));
        java.nio.file.Files.writeString(dir.resolve("native/install-native-mpi.sh"),
                "echo installing >&2; echo 'apt-get update failed (no network)' >&2; exit 1\n");
        NativeMpi n = NativeMpi.prepare(dir);
        org.junit.jupiter.api.Assertions.assertFalse(n.available());
        assertEquals("apt-get update failed (no network)", n.why());
    }

    @Test
    void profileOptionsOverrideTheNamedProfile() {
        Profile p = Profile.parse(new String[] {"long", "--ranks", "2,16", "--sizes", "8,64k,1m", "--masters", "local"},
                java.nio.file.Path.of("out"));
        assertEquals(16, p.maxRanks());
        assertEquals(64 * 1024, p.sizes()[1]);
        assertEquals("local[16]", p.masterUrl("local"));
        assertEquals("local-cluster[2,8,3072]", p.masterUrl("local-cluster"));
    }
}
