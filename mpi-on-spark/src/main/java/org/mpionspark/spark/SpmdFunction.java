package org.mpionspark.spark;

import java.io.Serializable;
import java.util.Iterator;

import org.mpionspark.mpi.Communicator;

/**
 * The body of an SPMD program over a partitioned dataset: rank {@code comm.rank()} gets
 * partition {@code comm.rank()} and returns its part of the output.
 */
@FunctionalInterface
public interface SpmdFunction<T, R> extends Serializable {
    Iterator<R> call(Communicator comm, Iterator<T> partition) throws Exception;
}
