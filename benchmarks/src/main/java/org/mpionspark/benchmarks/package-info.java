/**
 * The benchmark report ({@code Report}: the MPI path beside pure Spark and native MPI, measured in
 * the same run, written as Markdown and plots), one section per topic, and {@code FailureLatency}.
 */
package org.mpionspark.benchmarks;
