package org.mpionspark.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What a cluster's driver and executors need of this run's class path, as jars for spark-submit:
 * the project's own modules (built jars, or their class folders packed into jars), Kryo 5 and ASM; Spark
 * and Scala are the cluster's own. The benchmarks' own classes come first (the application jar).
 */
final class ShippedJars {

    private ShippedJars() {
    }

    /** The jars, the one holding {@link ClusterRun} first; class folders are packed into {@code into}. */
    static List<Path> of(String classPath, Path repo, Path into) throws IOException {
        Path app = Path.of(ClusterRun.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toAbsolutePath();
        List<Path> jars = new ArrayList<>();
        Path appJar = null;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            boolean ours = p.startsWith(repo) && !p.toString().contains("test-classes");
            if (!(ours || notOnSpark(p.getFileName().toString())) || !Files.exists(p)) {
                continue;
            }
            Path jar = Files.isDirectory(p) ? pack(p, into.resolve(repo.relativize(p).toString().replace('/', '-') + ".jar")) : p;
            if (p.equals(app)) {
                appJar = jar;
            } else {
                jars.add(jar);
            }
        }
        if (appJar == null) {
            throw new IllegalStateException("the benchmarks' classes (" + app + ") are not on the class path " + classPath);
        }
        jars.add(0, appJar);
        return jars;
    }

    /**
     * Whether {@code jar} is one of the bridge's dependencies that Spark does not carry, as the
     * examples' fat jar includes them: Kryo 5 (the object tier) and ASM (the data ports' patch of MPJ Express).
     */
    static boolean notOnSpark(String jar) {
        return jar.startsWith("kryo5") || jar.matches("asm-\\d.*\\.jar");
    }

    /** A jar of every file under {@code dir}. */
    static Path pack(Path dir, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
