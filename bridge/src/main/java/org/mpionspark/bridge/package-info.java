/**
 * The engine of one rank, with no Spark inside: its communicator over a {@link
 * org.mpionspark.bridge.transport.Transport}, the waiting that always ends, and the start and clean-up of an
 * MPJ Express world ({@link org.mpionspark.bridge.rank.RankLauncher}). Internal: not for user code.
 */
package org.mpionspark.bridge;
