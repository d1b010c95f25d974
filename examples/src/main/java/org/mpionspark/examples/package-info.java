/** The course's MPI programs, in Java, as Spark applications: each runs on local[N] or spark-submit. */
package org.mpionspark.examples;
