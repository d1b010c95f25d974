/** Runs unchanged MPJ Express programs on Spark: one copy of the program per rank, started by spark-submit or from code. */
package org.mpionspark.mpj;
