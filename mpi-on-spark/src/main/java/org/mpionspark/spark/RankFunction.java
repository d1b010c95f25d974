package org.mpionspark.spark;

import java.io.Serializable;

import org.mpionspark.mpi.Communicator;

/** The body of an SPMD program with no input: runs once per rank and returns that rank's result. */
@FunctionalInterface
public interface RankFunction<R> extends Serializable {
    R call(Communicator comm) throws Exception;
}
