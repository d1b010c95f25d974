/**
 * The MPI API that SPMD code is written against: a {@link org.mpionspark.mpi.Communicator} per
 * rank, its operations, status and errors; nothing here knows Spark or MPJ Express.
 */
package org.mpionspark.mpi;
