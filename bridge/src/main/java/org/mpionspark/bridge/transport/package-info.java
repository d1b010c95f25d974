/**
 * The seam under a rank's communicator: {@link org.mpionspark.bridge.transport.Transport}
 * (non-blocking messages that the caller polls, so every wait stays in our hands), the element
 * kinds that cross it, the {@link org.mpionspark.bridge.transport.MeetingBoard} where ranks of one
 * JVM meet for collectives, and the transport that routes each peer to memory or to MPJ Express.
 * Uses nothing of the project above it.
 */
package org.mpionspark.bridge.transport;
