/**
 * The in-memory path between ranks of one world that live in the same JVM (all of
 * {@code local[N]}, the several tasks of one executor): messages are handed over in memory, one
 * copy from the sender's array into the receive, and waits park instead of polling a socket.
 * Ranks in other JVMs are still reached through MPJ Express ({@link RoutedTransport}).
 */
package org.mpionspark.bridge.memory;

import org.mpionspark.bridge.transport.RoutedTransport;
