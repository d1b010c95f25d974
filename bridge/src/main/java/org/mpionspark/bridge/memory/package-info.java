/**
 * The memory path between ranks of one world that live in the same JVM (all of {@code local[N]},
 * the several tasks of one executor): messages are handed over in memory, one copy from the
 * sender's array into the receive, waits park instead of polling a socket, and collective calls
 * meet on a {@link org.mpionspark.bridge.memory.MemoryMeetingBoard}. Implements the transport seam.
 */
package org.mpionspark.bridge.memory;
