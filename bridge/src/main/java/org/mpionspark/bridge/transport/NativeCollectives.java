package org.mpionspark.bridge.transport;

/**
 * MPJ Express's own collectives, which the communicator never uses (its collectives are the
 * bridge's): the benchmarks time them beside ours. Blocking and not abortable.
 */
public interface NativeCollectives {

    /** MPJ Express's {@code Allreduce} with {@code MPI.SUM} over the whole world. */
    void allreduceSum(double[] sendbuf, double[] recvbuf);
}
