/**
 * SPMD code on ranks that are threads of the calling JVM, with no Spark and no cluster: the
 * {@code mpiexec -n N} of users' own unit tests and of the benchmarks. Sits on top of the bridge,
 * beside {@code org.mpionspark.spark}; the public API stays {@code org.mpionspark.mpi}.
 */
package org.mpionspark.local;
