package org.mpionspark.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bridge's packages depend one way, as its README's package map says: a package uses only the
 * packages below it, and every package of the module is on the map. Read from the sources.
 */
class PackageLayersTest {

    /** Top to bottom. A package may use those after it; {@code mpi}, the API, uses none of the others. */
    static final List<String> LAYERS = List.of(
            "org.mpionspark.local",
            "org.mpionspark.bridge.rank",
            "org.mpionspark.bridge.comm",
            "org.mpionspark.bridge.channel",
            "org.mpionspark.bridge.wait",
            "org.mpionspark.bridge.collective",
            "org.mpionspark.bridge.memory",
            "org.mpionspark.bridge.mpj",
            "org.mpionspark.bridge.lane",
            "org.mpionspark.bridge.loader",
            "org.mpionspark.bridge.dataport",
            "org.mpionspark.bridge.transport",
            "org.mpionspark.bridge.serial",
            "org.mpionspark.bridge.rendezvous",
            "org.mpionspark.bridge.config",
            "org.mpionspark.mpi");

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.mpionspark(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            int layer = LAYERS.indexOf(pkg);
            Matcher m = REFERENCE.matcher(Files.readString(file));
            Set<String> used = new TreeSet<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String other : used) {
                if (!other.equals(pkg) && LAYERS.indexOf(other) <= layer) {
                    upward.add(SOURCES.relativize(file) + " (" + pkg + ") uses " + other);
                }
            }
        }
        assertEquals(List.of(), upward, "imports that run up the layers (or to a package not on the map)");
    }

    @Test
    void everyPackageIsOnTheMapAndHasItsOneSentence() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path file : sources()) {
            packages.add(packageOf(file));
        }
        assertEquals(new TreeSet<>(LAYERS), packages, "packages of the module against the map");
        for (String pkg : packages) {
            assertTrue(Files.exists(SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java")),
                    pkg + " has no package-info.java");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList();
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }
}
