/** The benchmark report's parts that know nothing of what is measured: measurements, units, Markdown tables, PNG plots. */
package org.mpionspark.benchmarks.report;
