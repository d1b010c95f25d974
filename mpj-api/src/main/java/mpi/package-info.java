/** MPJ Express 0.44's mpiJava 1.2 API, each call bound to mpi-on-spark's communicator of the rank that runs the program. */
package mpi;
