package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;

/** The pipeline example's SPMD stage fits the line Spark SQL's own regression fits. */
@Timeout(120)
class DatasetPipelineTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[4]").appName("dataset pipeline")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyRankFitsTheLineSparkFits() {
        JavaMpiContext mpi = new JavaMpiContext(JavaSparkContext.fromSparkContext(spark.sparkContext()));
        Dataset<Row> pts = DatasetPipeline.points(spark, 100_000, 4);
        Row expected = pts.selectExpr("regr_slope(y, x)", "regr_intercept(y, x)").first();
        List<Row> fits = DatasetPipeline.fit(mpi, pts).collectAsList();
        assertEquals(4, fits.size());
        for (int r = 0; r < 4; r++) {
            assertEquals(r, fits.get(r).getInt(0));
            assertEquals(25_000L, fits.get(r).getLong(1));
            assertEquals(expected.getDouble(0), fits.get(r).getDouble(2), 1e-9);
            assertEquals(expected.getDouble(1), fits.get(r).getDouble(3), 1e-7);
        }
        assertEquals(1.5, fits.get(0).getDouble(2), 1e-3);
        assertEquals(20, fits.get(0).getDouble(3), 1e-2);
    }
}
