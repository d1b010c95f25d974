package org.mpionspark.spark;

import java.io.Serializable;

import org.mpionspark.mpi.Communicator;

/**
 * One cell of an {@link MpiSession}, run on every targeted rank: the rank's communicator and its
 * {@link RankState}, which keeps values from one cell to the next (ipyparallel's engine variables).
 */
@FunctionalInterface
public interface CellFunction<R> extends Serializable {
    R call(Communicator comm, RankState state) throws Exception;
}
