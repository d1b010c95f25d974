/** JMH micro benchmarks of the bridge alone: collectives and point-to-point on a local world of threads, no Spark. */
package org.mpionspark.benchmarks.jmh;
