package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.local.LocalWorld;

/** What each rank's loader defines itself, what it shares, and that MPJ Express's own jar never shadows the facade. */
@Timeout(60)
class ProgramLoaderTest {

    @Test
    void theProgramAndTheFacadeAreTheRanksOwnTheRestIsShared() {
        List<Boolean> checks = LocalWorld.run(2, comm -> {
            ProgramLoader a = new ProgramLoader(getClass().getClassLoader(), comm, "mpjprograms.Ring");
            ProgramLoader b = new ProgramLoader(getClass().getClassLoader(), comm, "mpjprograms.Ring");
            Class<?> ringA = a.loadClass("mpjprograms.Ring");
            assertSame(a, ringA.getClassLoader());
            assertNotSame(ringA, b.loadClass("mpjprograms.Ring"));
            assertSame(a, a.loadClass("mpi.MPI").getClassLoader());
            assertSame(org.mpionspark.mpi.Communicator.class, a.loadClass("org.mpionspark.mpi.Communicator"));
            assertSame(String.class, a.loadClass("java.lang.String"));
            return true;
        });
        assertEquals(List.of(true, true), checks);
    }

    @Test
    void mpjExpressOwnJarOnTheClassPathDoesNotShadowTheFacade() throws Exception {
        // MPJ Express's jar first, then the class path of this test: its mpi.MPI is found first by getResource
        URL[] urls = {Path.of("/usr/share/java/mpj.jar").toUri().toURL(), Path.of("target/classes").toUri().toURL(),
            Path.of("target/test-classes").toUri().toURL()};
        try (URLClassLoader withMpj = new URLClassLoader(urls, getClass().getClassLoader())) {
            assertTrue(withMpj.findResource("mpi/MPI.class").toString().contains("mpj.jar"));
            List<Boolean> checks = LocalWorld.run(1, comm -> {
                ProgramLoader loader = new ProgramLoader(new NoDelegation(withMpj), comm, "mpjprograms.Ring");
                Class<?> mpi = loader.loadClass("mpi.MPI");
                assertSame(loader, mpi.getClassLoader());
                assertTrue(mpi.getProtectionDomain() != null);
                // the facade's MPI, which has active(String); MPJ Express's has none
                assertEquals("active", mpi.getDeclaredMethod("active", String.class).getName());
                return true;
            });
            assertEquals(List.of(true), checks);
        }
    }

    /** Resources from {@code urls} in their order (MPJ Express first), classes from the test's own loader. */
    private static final class NoDelegation extends ClassLoader {
        private final URLClassLoader urls;

        NoDelegation(URLClassLoader urls) {
            super(ProgramLoaderTest.class.getClassLoader());
            this.urls = urls;
        }

        @Override
        public URL getResource(String name) {
            URL u = urls.findResource(name);
            return u != null ? u : super.getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
            return urls.findResources(name);
        }
    }
}
