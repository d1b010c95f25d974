package org.mpionspark.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.management.ObjectName;

/** What this JVM holds at one moment: steady threads, open file descriptors, heap live after GC. */
record Footprint(List<String> threads, long fds, long heap) {

    static Footprint now() {
        return new Footprint(ThreadCheck.steadyThreads(), openFds(), heapAfterGc());
    }

    /** Open file descriptors of this process (/proc/self/fd, else the JDK's own count). */
    static long openFds() {
        Path fd = Path.of("/proc/self/fd");
        if (Files.isDirectory(fd)) {
            try (Stream<Path> s = Files.list(fd)) {
                return s.count() - 1; // the listing's own descriptor
            } catch (IOException e) {
                // fall through
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return u.getOpenFileDescriptorCount();
        }
        return -1;
    }

    /** Heap used right after a full collection: the least of five, so one late allocation does not count. */
    static long heapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** The live-object class histogram ({@code jcmd <pid> GC.class_histogram}), from inside the JVM. */
    static String classHistogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            return "no histogram: " + e;
        }
    }

    /** The classes whose live bytes grew most from {@code before} to {@code after}, one a line. */
    static String histogramGrowth(String before, String after, int top) {
        java.util.Map<String, long[]> b = parse(before);
        return parse(after).entrySet().stream()
                .map(e -> {
                    long[] was = b.getOrDefault(e.getKey(), new long[2]);
                    return java.util.Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(top)
                .map(e -> String.format("%+9d instances %+11d bytes  %s", e.getValue()[0], e.getValue()[1], e.getKey()))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static java.util.Map<String, long[]> parse(String histogram) {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return threads.size() + " threads, " + fds + " fds, " + heap / 1024 + " KB heap";
    }
}
