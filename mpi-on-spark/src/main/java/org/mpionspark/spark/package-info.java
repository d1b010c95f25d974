/**
 * Running MPI code in Spark: {@link org.mpionspark.spark.JavaMpiContext} turns a barrier stage
 * into an MPI world, one rank per partition, for a {@code JavaRDD} or for the driver.
 */
package org.mpionspark.spark;
