/**
 * The benchmark report ({@code Report}: the MPI path beside pure Spark and native MPI, measured in
 * the same run, written as Markdown and plots) and the older one-table harnesses.
 */
package org.mpionspark.benchmarks;
