/** Harnesses that time the MPI path and its pure-Spark baseline in one run and print the ratios. */
package org.mpionspark.benchmarks;
