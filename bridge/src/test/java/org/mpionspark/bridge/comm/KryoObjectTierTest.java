package org.mpionspark.bridge.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpionspark.bridge.rank.RankOptions;
import org.mpionspark.bridge.serial.KryoCodec;
import org.mpionspark.mpi.MpiException;

/**
 * The object tier's Kryo 5: the values issue 12 found broken with Kryo 4 (records, EnumMap) and
 * the rest of what users send (immutable JDK collections, nested generics, classes with no
 * no-argument constructor or not Serializable, the user's own class loader) arrive equal.
 */
@Timeout(120)
class KryoObjectTierTest {

    enum Color { RED, GREEN, BLUE }

    /** A record, not Serializable. */
    record Point(int x, double y, String label, List<Color> colors) {
    }

    /** No no-argument constructor, not Serializable: Objenesis builds it. */
    static final class Particle {
        final long id;
        final double[] position;
        final Map<String, List<Integer>> tags;

        Particle(long id, double[] position, Map<String, List<Integer>> tags) {
            this.id = id;
            this.position = position;
            this.tags = tags;
        }

        @Override
        public String toString() {
            return "Particle " + id + " " + Arrays.toString(position) + " " + tags;
        }
    }

    /**
     * What rank 0 sends and rank 1 must get back equal, by name (of the same class, except
     * wrappers and {@code Stream.toList}, which may come back as another immutable list).
     */
    private static Map<String, Object> samples() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", new Point(3, -1.5, "p", List.of(Color.RED, Color.BLUE)));
        m.put("enum", Color.GREEN);
        EnumMap<Color, Integer> enumMap = new EnumMap<>(Color.class);
        enumMap.put(Color.BLUE, 7);
        enumMap.put(Color.RED, -2);
        m.put("enumMap", enumMap);
        m.put("emptyEnumMap", new EnumMap<Color, String>(Color.class));
        m.put("enumSet", EnumSet.of(Color.RED, Color.BLUE));
        m.put("emptyEnumSet", EnumSet.noneOf(Color.class));
        m.put("List.of", List.of(1, 2, 3));
        m.put("List.of()", List.of());
        m.put("Set.of", Set.of("a", "b"));
        m.put("Map.of", Map.of("k", 1.5, "l", 2.5));
        m.put("Map.ofEntries", Map.ofEntries(Map.entry(1, "one")));
        m.put("toList", java.util.stream.Stream.of("x", "y").toList());
        m.put("toListWithNull", java.util.stream.Stream.of("x", null).toList());
        m.put("unmodifiableList", Collections.unmodifiableList(new ArrayList<>(List.of(new Point(1, 1, "q", List.of())))));
        m.put("unmodifiableMap", Collections.unmodifiableMap(new TreeMap<>(Map.of("z", 26))));
        m.put("unmodifiableSet", Collections.unmodifiableSet(new java.util.HashSet<>(Set.of(4, 5))));
        m.put("asList", Arrays.asList("u", "v"));
        m.put("nested", Map.of("outer", List.of(Map.of("inner", List.of(Set.of(Color.RED)))), "empty", List.of()));
        m.put("optional", java.util.Optional.of(List.of(9)));
        return m;
    }

    /** Shaped as Scala compiles an {@code object} (Nil, None, a case object): its one instance in MODULE$. */
    static final class End implements java.io.Serializable {
        public static final End MODULE$ = new End();

        private End() {
        }
    }

    /** A list cell ending in the singleton, as Scala's {@code ::} ends in {@code Nil} (compared with eq). */
    record Cell(int head, Object tail) {
    }

    @Test
    void aScalaObjectArrivesAsTheReceiversOwnInstance() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                comm.sendObject(new Cell(1, new Cell(2, End.MODULE$)), 1, 0);
                return "sent";
            }
            Cell c = comm.recvObject(0, 0);
            Cell next = (Cell) c.tail();
            return c.head() + "," + next.head() + " ends in the singleton: " + (next.tail() == End.MODULE$);
        }));
        assertEquals("1,2 ends in the singleton: true", got.get(1));
    }

    @Test
    void recordsEnumsJdkCollectionsAndNestedGenericsArriveEqual() throws Exception {
        Map<String, Object> sent = samples();
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                for (Object v : sent.values()) {
                    comm.sendObject(v, 1, 3);
                }
                return "sent";
            }
            StringBuilder wrong = new StringBuilder();
            for (Map.Entry<String, Object> e : sent.entrySet()) {
                Object v = comm.recvObject(0, 3);
                if (!e.getValue().equals(v) || !e.getValue().getClass().equals(v.getClass())
                        && !e.getKey().startsWith("unmodifiable") && !e.getKey().startsWith("toList")) {
                    wrong.append(e.getKey()).append(": ").append(v).append(" (").append(v.getClass()).append(") ");
                }
            }
            return wrong.toString();
        }));
        assertEquals("", got.get(1), "values that arrived different");
    }

    @Test
    void anEnumMapKeepsItsKeyTypeAndAnImmutableListStaysImmutable() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            EnumMap<Color, Integer> map = new EnumMap<>(Color.class);
            map.put(Color.GREEN, 1);
            EnumMap<Color, Integer> back = comm.bcastObject(comm.rank() == 0 ? map : null, 0);
            back.put(Color.BLUE, 2); // an EnumMap rebuilt without its key type would throw here
            List<Integer> list = comm.bcastObject(comm.rank() == 0 ? List.of(1, 2) : null, 0);
            String immutable = assertThrows(UnsupportedOperationException.class, () -> list.add(3)).getClass().getSimpleName();
            EnumMap<Color, String> empty = comm.bcastObject(comm.rank() == 0 ? new EnumMap<>(Color.class) : null, 0);
            empty.put(Color.RED, "r");
            return back + " " + list + " " + immutable + " " + empty;
        }));
        assertEquals(List.of("{GREEN=1, BLUE=2} [1, 2] UnsupportedOperationException {RED=r}",
                "{GREEN=1, BLUE=2} [1, 2] UnsupportedOperationException {RED=r}"), got);
    }

    @Test
    void aClassWithNoNoArgConstructorTravelsThroughCollectives() throws Exception {
        List<String> got = ThreadWorld.values(ThreadWorld.run(3, RankOptions.DEFAULTS, comm -> {
            Particle mine = new Particle(comm.rank(), new double[] {comm.rank() * 0.5},
                    Map.of("r" + comm.rank(), List.of(comm.rank(), comm.rank() * 10)));
            List<Particle> all = comm.allgatherObject(mine);
            Point p = comm.allreduceObject(new Point(comm.rank(), 1.0, "", List.of()),
                    (a, b) -> new Point(a.x() + b.x(), a.y() + b.y(), a.label() + b.label(), List.of()));
            return all + " " + p.x() + " " + p.y();
        }));
        String expected = "[Particle 0 [0.0] {r0=[0, 0]}, Particle 1 [0.5] {r1=[1, 10]}, Particle 2 [1.0] {r2=[2, 20]}] 3 3.0";
        assertEquals(List.of(expected, expected, expected), got);
    }

    @Test
    void bytesKryoCannotReadFailWithWhatKryoSaidNotAClassPathGuess() throws Exception {
        List<ThreadWorld.Outcome<String>> out = ThreadWorld.run(2, RankOptions.DEFAULTS, comm -> {
            if (comm.rank() == 0) {
                // bytes Kryo did not write, marked as an object message (a byte[] message is refused by recvObject)
                new PointToPoint(((RankCommunicator) comm).state())
                        .isendObject(new byte[] {1, 0x7f, 0x7f, 0x7f, 0x7f, 9}, 1, 0, "test").waitFor();
                return "sent";
            }
            return comm.recvObject(0, 0);
        });
        MpiException e = assertInstanceOf(MpiException.class, out.get(1).error());
        assertTrue(e.getMessage().startsWith("rank 1 in recvObject(source=0, tag=0) (peer rank 0): cannot deserialise the object "
                + "received (6 bytes): Kryo says: "), e.getMessage());
        assertTrue(!e.getMessage().contains("class path"), e.getMessage());
    }

    @Test
    void theUsersClassLoaderIsUsedAndAMissingClassIsNamed(@TempDir Path dir) throws Exception {
        try (URLClassLoader user = compile(dir, "com.example.user.Reading",
                "package com.example.user; public record Reading(String sensor, double value) {}")) {
            Class<?> type = user.loadClass("com.example.user.Reading");
            Object reading = type.getConstructors()[0].newInstance("t1", 21.5);
            byte[] bytes = new KryoCodec(user).encode(List.of(reading));
            assertEquals("[Reading[sensor=t1, value=21.5]]", new KryoCodec(user).decode(bytes).toString());
            assertEquals(type, ((List<?>) new KryoCodec(user).decode(bytes)).get(0).getClass());

            KryoCodec withoutIt = new KryoCodec(KryoObjectTierTest.class.getClassLoader());
            RuntimeException e = assertThrows(RuntimeException.class, () -> withoutIt.decode(bytes));
            assertTrue(withoutIt.describe(e).startsWith("class com.example.user.Reading is not on this JVM's class path"),
                    withoutIt.describe(e));
        }
    }

    @Test
    void registeredClassesMakeShorterMessagesAndMustLoad() {
        ClassLoader loader = KryoObjectTierTest.class.getClassLoader();
        Point p = new Point(1, 2, "r", List.of(Color.RED));
        KryoCodec plain = new KryoCodec(loader);
        KryoCodec registered = new KryoCodec(loader, List.of(Point.class.getName(), Color.class.getName()));
        byte[] small = registered.encode(p);
        assertEquals(p, new KryoCodec(loader, List.of(Point.class.getName(), Color.class.getName())).decode(small));
        assertTrue(small.length < plain.encode(p).length - 20, small.length + " vs " + plain.encode(p).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KryoCodec(loader, List.of("com.example.Missing")));
        assertEquals("cannot register class com.example.Missing with Kryo: java.lang.ClassNotFoundException: "
                + "com.example.Missing", e.getMessage());
        assertNotEquals(null, plain.decode(plain.encode(p)));
    }

    /** A class loader over {@code source}, compiled now: a class the test's own loader cannot see. */
    private static URLClassLoader compile(Path dir, String className, String source) throws Exception {
        Path file = dir.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), file.toString()));
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, KryoObjectTierTest.class.getClassLoader());
    }
}
