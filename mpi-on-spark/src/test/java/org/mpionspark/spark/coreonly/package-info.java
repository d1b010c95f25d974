/** A spark-core-only application, kept apart from the tests that name Spark SQL, for CoreOnlyClassPathTest. */
package org.mpionspark.spark.coreonly;
