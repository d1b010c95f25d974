/**
 * The communicator engine of one rank, with no Spark inside: the {@link org.mpionspark.mpi.Communicator}
 * facade ({@link org.mpionspark.bridge.comm.RankCommunicator}) over its parts (argument checks,
 * point-to-point and matching, the array and object tiers, communicator construction, the
 * collective channel) and the waiting that always ends. Entered from a rank's life cycle through
 * {@link org.mpionspark.bridge.comm.RankEngine}; internal, not for user code.
 */
package org.mpionspark.bridge.comm;
