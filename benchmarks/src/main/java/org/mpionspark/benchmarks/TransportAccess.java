package org.mpionspark.benchmarks;

import java.lang.reflect.Field;

import org.mpionspark.bridge.RankCommunicator;
import org.mpionspark.bridge.Transport;
import org.mpionspark.mpi.Communicator;

/**
 * The {@link Transport} under a rank's world communicator (MPJ Express today), reached by
 * reflection so that the benchmark can time the layer below our API without the bridge
 * exporting it; null where the bridge's layout has changed.
 */
final class TransportAccess {

    private TransportAccess() {
    }

    static Transport of(Communicator comm) {
        try {
            Object state = field(RankCommunicator.class, "comm").get(comm);
            Object shared = field(state.getClass(), "shared").get(state);
            return (Transport) field(shared.getClass(), "transport").get(shared);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** How the report names the transport: its class ({@code MpjTransport}, ...). */
    static String name(Transport t) {
        return t.getClass().getSimpleName();
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
