package org.mpionspark.bridge.loader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The class files of MPJ Express and of log4j 1.2, read once per JVM from the jars nested in the
 * bridge jar ({@code META-INF/mpj-express/}). Nesting keeps them off the application class path,
 * where Spark's {@code log4j-1.2-api} defines the same {@code org.apache.log4j} names. Its
 * {@code niodev}'s data-port calls are redirected as they are read ({@link NiodevPatch}).
 */
final class MpjClasses {

    static final String NESTED_DIR = "META-INF/mpj-express/";
    private static final String[] NESTED_JARS = {"mpj.jar", "log4j.jar"};

    private static volatile Map<String, byte[]> classes;

    private MpjClasses() {
    }

    /** Class file bytes by resource name ({@code mpi/MPI.class}), loaded on first use. */
    static Map<String, byte[]> get() {
        Map<String, byte[]> c = classes;
        if (c == null) {
            synchronized (MpjClasses.class) {
                c = classes;
                if (c == null) {
                    c = load();
                    classes = c;
                }
            }
        }
        return c;
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> out = new HashMap<>();
        for (String jar : NESTED_JARS) {
            String resource = NESTED_DIR + jar;
            try (InputStream in = MpjClasses.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("MPJ Express is missing from the class path: no " + resource
                            + " next to " + MpjClasses.class.getName() + " (is the bridge jar built by Maven?)");
                }
                try (JarInputStream jin = new JarInputStream(in)) {
                    for (JarEntry e; (e = jin.getNextJarEntry()) != null; ) {
                        if (!e.isDirectory() && e.getName().endsWith(".class")) {
                            out.putIfAbsent(e.getName(), NiodevPatch.apply(e.getName(), readAll(jin)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return Map.copyOf(out);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        in.transferTo(buf);
        return buf.toByteArray();
    }
}
