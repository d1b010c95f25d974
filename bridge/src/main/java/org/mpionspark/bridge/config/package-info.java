/** The defaults of the {@code spark.mpi.*} settings, read by the bridge and by the Spark side alike. */
package org.mpionspark.bridge.config;
