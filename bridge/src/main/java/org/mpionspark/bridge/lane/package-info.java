/**
 * Lanes: one TCP connection per pair of a world's JVMs, made beside MPJ Express's own at the
 * world's start and admitted by the world's key, on which messages between JVMs travel straight
 * from the sending rank's thread to a reader that hands them to the receiving rank, as fast as a
 * plain socket allows; MPJ Express still starts the world and offers its own collectives.
 */
package org.mpionspark.bridge.lane;
