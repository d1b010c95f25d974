/** How an SPMD stage runs on Spark: the driver's rendezvous, the barrier-task body, the slot check. */
package org.mpionspark.spark.internal;
