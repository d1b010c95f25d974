package org.mpionspark.bridge.lane;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.mpionspark.bridge.transport.Endpoint;

/**
 * How this JVM's MPJ Express endpoint starts beside its lanes, once something asks for it: its
 * class loader, start-up relay and guarded data ports live outside the lanes ({@link LaneEndpoint}).
 */
public interface MpjStarter {

    /** Starts MPJ Express here: its ports ({@code {writePort, readPort}}) once it listens. */
    int[] begin() throws IOException;

    /**
     * Every endpoint's ports, in endpoint order, this one's included: MPJ Express connects to the
     * others. Completes once it has, or with why it could not.
     */
    CompletableFuture<Endpoint> connect(int[][] ports) throws IOException;

    /** How long the whole start may take once begun, the other JVMs' included. */
    long timeoutMillis();
}
