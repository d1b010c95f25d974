package org.mpionspark.bridge.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Kryo (the {@code kryo-shaded} 4.0.3 that Spark itself ships) with no registration required, so
 * any class works, including ones with no no-argument constructor. Classes are resolved through
 * the class loader given, i.e. the one that sees the user's classes.
 */
public final class KryoCodec implements ObjectCodec {

    private final Kryo kryo = new Kryo();
    private final Output output = new Output(4096, -1);

    public KryoCodec(ClassLoader classLoader) {
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new Kryo.DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        if (classLoader != null) {
            kryo.setClassLoader(classLoader);
        }
        // Kryo 4 rebuilds collections with add/put, which the JDK's unmodifiable ones refuse:
        // those travel in their own (Java) serial form instead.
        for (Object o : UNMODIFIABLE_SAMPLES) {
            kryo.addDefaultSerializer(o.getClass(), JavaSerializer.class);
        }
    }

    private static final Object[] UNMODIFIABLE_SAMPLES = {
        List.of(), List.of(1), List.of(1, 2, 3), Set.of(), Set.of(1), Set.of(1, 2, 3),
        Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2), Arrays.asList(1),
        Collections.unmodifiableList(new ArrayList<>()), Collections.unmodifiableList(new LinkedList<>()),
        Collections.unmodifiableMap(new HashMap<>()), Collections.unmodifiableSet(new HashSet<>()),
        Collections.unmodifiableCollection(new ArrayList<>()), Collections.emptyList(), Collections.emptyMap(),
        Collections.emptySet(), Collections.singletonList(1), Collections.singletonMap(1, 1), Collections.singleton(1),
    };

    @Override
    public byte[] encode(Object obj) {
        output.clear();
        kryo.writeClassAndObject(output, obj);
        return output.toBytes();
    }

    @Override
    public Object decode(byte[] bytes) {
        return kryo.readClassAndObject(new Input(bytes));
    }
}
