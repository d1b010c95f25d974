package org.mpionspark.bridge.serial;

import com.esotericsoftware.kryo.kryo5.Kryo;
import com.esotericsoftware.kryo.kryo5.KryoException;
import com.esotericsoftware.kryo.kryo5.Serializer;
import com.esotericsoftware.kryo.kryo5.SerializerFactory;
import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import com.esotericsoftware.kryo.kryo5.objenesis.strategy.StdInstantiatorStrategy;
import com.esotericsoftware.kryo.kryo5.serializers.FieldSerializer;
import com.esotericsoftware.kryo.kryo5.serializers.JavaSerializer;
import com.esotericsoftware.kryo.kryo5.util.DefaultInstantiatorStrategy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Kryo 5 (the relocated {@code com.esotericsoftware:kryo5}, which lives beside Spark's Kryo 4) with
 * no registration required, so any class works: records, enums, {@code EnumMap}/{@code EnumSet},
 * the JDK's immutable and unmodifiable collections, classes with no no-argument constructor
 * (Objenesis). Classes are resolved through the class loader given, i.e. the one that sees the
 * user's classes; {@code classesToRegister} are registered in order (the same on every rank).
 */
public final class KryoCodec implements ObjectCodec {

    private final Kryo kryo = new Kryo();
    private final Output output = new Output(4096, -1);

    /** A codec with no registered classes. */
    public KryoCodec(ClassLoader classLoader) {
        this(classLoader, List.of());
    }

    /**
     * A codec whose Kryo registers {@code classesToRegister} (class names, in this order, e.g. from
     * {@code spark.mpi.kryo.classesToRegister}); a name the class loader cannot load is an
     * {@link IllegalArgumentException}.
     */
    public KryoCodec(ClassLoader classLoader, List<String> classesToRegister) {
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        if (classLoader != null) {
            kryo.setClassLoader(classLoader);
        }
        kryo.setDefaultSerializer(new FieldsOrJavaSerialization());
        kryo.addDefaultSerializer(EnumMap.class, new EnumMapSerializer());
        // Kryo's own rebuilds them with List.of, which refuses the nulls Stream.toList() may hold
        Rewrapping<List<?>> immutableList = new Rewrapping<>(List::toArray, a -> Arrays.stream((Object[]) a).toList());
        kryo.addDefaultSerializer(List.of().getClass(), immutableList);
        kryo.addDefaultSerializer(List.of(1).getClass(), immutableList);
        // the wrappers of Collections.unmodifiable* travel as a plain copy and are wrapped again
        Rewrapping<List<?>> list = new Rewrapping<>(ArrayList::new, c -> Collections.unmodifiableList((List<?>) c));
        kryo.addDefaultSerializer(Collections.unmodifiableList(new ArrayList<>()).getClass(), list);
        kryo.addDefaultSerializer(Collections.unmodifiableList(new LinkedList<>()).getClass(), list);
        kryo.addDefaultSerializer(Collections.unmodifiableSet(new HashSet<>()).getClass(),
                new Rewrapping<Set<?>>(LinkedHashSet::new, c -> Collections.unmodifiableSet((Set<?>) c)));
        kryo.addDefaultSerializer(Collections.unmodifiableCollection(new ArrayList<>()).getClass(),
                new Rewrapping<Collection<?>>(ArrayList::new, c -> Collections.unmodifiableCollection((List<?>) c)));
        kryo.addDefaultSerializer(Collections.unmodifiableMap(new HashMap<>()).getClass(),
                new Rewrapping<Map<?, ?>>(LinkedHashMap::new, c -> Collections.unmodifiableMap((Map<?, ?>) c)));
        for (String name : classesToRegister) {
            try {
                kryo.register(Class.forName(name.trim(), false, kryo.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException("cannot register class " + name.trim() + " with Kryo: " + e, e);
            }
        }
    }

    @Override
    public byte[] encode(Object obj) {
        output.reset();
        kryo.writeClassAndObject(output, obj);
        return output.toBytes();
    }

    @Override
    public Object decode(byte[] bytes) {
        return kryo.readClassAndObject(new Input(bytes));
    }

    /** What went wrong, as Kryo says it; where the cause is a class this JVM cannot load, which one. */
    @Override
    public String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException) {
                return "class " + t.getMessage() + " is not on this JVM's class path (" + e.getMessage() + ")";
            }
        }
        return e instanceof KryoException ? "Kryo says: " + e.getMessage() : e.toString();
    }

    /**
     * Kryo's {@link FieldSerializer}, except for JDK classes whose fields are closed to reflection
     * (a named module that does not open its package): those travel in their Java serial form if
     * they have one.
     */
    private static final class FieldsOrJavaSerialization implements SerializerFactory<Serializer<?>> {
        private final SerializerFactory.FieldSerializerFactory fields = new SerializerFactory.FieldSerializerFactory();

        @Override
        public Serializer<?> newSerializer(Kryo kryo, Class type) {
            Object singleton = scalaObject(type);
            if (singleton != null) {
                return new Singleton(singleton);
            }
            Module m = type.getModule();
            if (m.isNamed() && !m.isOpen(type.getPackageName(), KryoCodec.class.getModule())
                    && Serializable.class.isAssignableFrom(type)) {
                return new JavaSerializer();
            }
            return fields.newSerializer(kryo, type);
        }

        @Override
        public boolean isSupported(Class type) {
            return true;
        }
    }

    /**
     * The one instance of a Scala {@code object} (its class holds it in {@code MODULE$}): {@code Nil},
     * {@code None}, case objects. Rebuilt field by field it would be a second instance, and Scala
     * code that compares with {@code eq} (a list's end is {@code Nil}) breaks; or null if not one.
     */
    private static Object scalaObject(Class<?> type) {
        try {
            java.lang.reflect.Field f = type.getDeclaredField("MODULE$");
            int mod = f.getModifiers();
            if (java.lang.reflect.Modifier.isStatic(mod) && f.getType() == type) {
                f.setAccessible(true);
                return f.get(null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a Scala object, or one we cannot read: its fields travel
        }
        return null;
    }

    /** Writes nothing, and reads the JVM's own instance of a singleton. */
    private static final class Singleton extends Serializer<Object> {
        private final Object instance;

        Singleton(Object instance) {
            this.instance = instance;
        }

        @Override
        public void write(Kryo kryo, Output output, Object object) {
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
            return instance;
        }
    }

    /** A collection written as a plain copy of its contents, read back and wrapped again. */
    private static final class Rewrapping<C> extends Serializer<C> {
        private final Function<C, Object> copy;
        private final Function<Object, C> wrap;

        Rewrapping(Function<C, Object> copy, Function<Object, C> wrap) {
            this.copy = copy;
            this.wrap = wrap;
        }

        @Override
        public void write(Kryo kryo, Output out, C value) {
            kryo.writeClassAndObject(out, copy.apply(value));
        }

        @Override
        public C read(Kryo kryo, Input in, Class<? extends C> type) {
            return wrap.apply(kryo.readClassAndObject(in));
        }
    }

    /**
     * An {@link EnumMap} with its key type, which Kryo 5's own serializer must be told in advance:
     * the key enum class, then (ordinal, value) pairs. An empty map has no key to tell its type
     * from, so it writes the key type from its Java serial form.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class EnumMapSerializer extends Serializer<EnumMap> {
        private final JavaSerializer java = new JavaSerializer();

        @Override
        public void write(Kryo kryo, Output out, EnumMap map) {
            out.writeVarInt(map.size(), true);
            if (map.isEmpty()) {
                java.write(kryo, out, map);
                return;
            }
            Class<? extends Enum> keyType = ((Enum) map.keySet().iterator().next()).getDeclaringClass();
            kryo.writeClass(out, keyType);
            for (Object o : map.entrySet()) {
                Map.Entry e = (Map.Entry) o;
                out.writeVarInt(((Enum) e.getKey()).ordinal(), true);
                kryo.writeClassAndObject(out, e.getValue());
            }
        }

        @Override
        public EnumMap read(Kryo kryo, Input in, Class<? extends EnumMap> type) {
            int size = in.readVarInt(true);
            if (size == 0) {
                return (EnumMap) java.read(kryo, in, type);
            }
            Class<? extends Enum> keyType = kryo.readClass(in).getType();
            Enum[] keys = keyType.getEnumConstants();
            EnumMap map = new EnumMap(keyType);
            kryo.reference(map);
            for (int i = 0; i < size; i++) {
                Enum key = keys[in.readVarInt(true)];
                map.put(key, kryo.readClassAndObject(in));
            }
            return map;
        }
    }
}
