package org.mpionspark.examples;

import org.mpionspark.mpi.Communicator;

/**
 * Hello world, the first program of every MPI course: each rank says who it is. Mirrors the
 * "First Example: Hello World" cell of 3.1 Distributed Computing ({@code MPI.Get_processor_name()},
 * {@code os.getpid()}, run on every engine with {@code %autopx}) and the French notes' "Je suis le
 * processus {rank} sur {size}". What each rank prints comes back to the driver and is shown as
 * ipyparallel shows it: {@code [stdout:r] ...}, in rank order.
 *
 * <p>On embedded {@code local[N]} Spark every rank is a thread of one JVM, so all print the same
 * pid; on a cluster, ranks on different executors print different hosts and pids.
 *
 * <pre>
 * usage: Hello [ranks=4]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=Hello -Drun.args=4
 *   on a cluster:       spark-submit --class org.mpionspark.examples.Hello mpi-on-spark-examples.jar 4
 *
 * [stdout:0] Hello World! I am process 0 of 4 on myhost with pid 4242.
 * [stdout:1] Hello World! I am process 1 of 4 on myhost with pid 4242.
 * ...
 * </pre>
 */
public final class Hello {

    private Hello() {
    }

    /** The course's greeting for this rank. */
    static String greeting(Communicator comm) {
        return String.format("Hello World! I am process %d of %d on %s with pid %d.", comm.rank(), comm.size(),
                comm.processorName(), ProcessHandle.current().pid());
    }

    /** Prints this rank's greeting, and returns it. */
    static String hello(Communicator comm) {
        String hello = greeting(comm);
        System.out.println(hello);
        return hello;
    }

    public static void main(String[] args) {
        Examples.printEachRank("Hello", args, Hello::hello);
    }
}
