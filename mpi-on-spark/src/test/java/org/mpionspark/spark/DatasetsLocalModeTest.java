package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.MpiException;
import org.mpionspark.mpi.Op;
import scala.Tuple2;

/** {@code mapPartitions} over Datasets and DataFrames on {@code local[4]}: Dataset in, Dataset out. */
@Timeout(180)
class DatasetsLocalModeTest {

    private static SparkSession spark;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().config(SparkSessions.localConf(4))
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        mpi = new JavaMpiContext(JavaSparkContext.fromSparkContext(spark.sparkContext()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void rangeOfLongsSummedByAllreduceComesBackAsDatasetOfStrings() {
        Dataset<Long> numbers = spark.range(1, 1001, 1, 4); // 1..1000 in 4 partitions of 250
        Dataset<String> out = mpi.mapPartitions(numbers, Encoders.STRING(), (comm, part) -> {
            long[] sum = {0};
            long count = 0;
            while (part.hasNext()) {
                sum[0] += part.next();
                count++;
            }
            long mine = sum[0];
            comm.allreduce(sum, sum, Op.SUM);
            return List.of(comm.rank() + ":" + count + ":" + mine + ":" + sum[0]).iterator();
        });
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            long lo = r * 250L + 1;
            long hi = lo + 249;
            expected.add(r + ":250:" + (lo + hi) * 250 / 2 + ":500500");
        }
        assertEquals(expected, out.collectAsList());
        assertEquals("0:250:31375:500500", out.first());
        assertEquals(4, out.count());
    }

    /** Points on y = 2.5 x - 4 with a deterministic wobble; columns x and y (doubles), 4 partitions. */
    static Dataset<Row> points(SparkSession spark, long n) {
        return spark.range(0, n, 1, 4).selectExpr("cast(id as double) as x",
                "cast(2.5 * id - 4 + ((id * 7919) % 13 - 6) * 0.1 as double) as y");
    }

    /** Each rank's partial sums (n, Σx, Σy, Σx², Σxy), allreduced; every rank fits the line. */
    static Iterator<Row> fit(Communicator comm, Iterator<Row> part) throws Exception {
        double[] s = new double[5];
        while (part.hasNext()) {
            Row r = part.next();
            double x = r.getDouble(0);
            double y = r.getDouble(1);
            s[0] += 1;
            s[1] += x;
            s[2] += y;
            s[3] += x * x;
            s[4] += x * y;
        }
        long mine = (long) s[0];
        comm.allreduce(s, s, Op.SUM);
        double slope = (s[0] * s[4] - s[1] * s[2]) / (s[0] * s[3] - s[1] * s[1]);
        double intercept = (s[2] - slope * s[1]) / s[0];
        return List.of(RowFactory.create(comm.rank(), mine, slope, intercept)).iterator();
    }

    static final StructType FIT = new StructType()
            .add("rank", DataTypes.IntegerType, false)
            .add("points", DataTypes.LongType, false)
            .add("slope", DataTypes.DoubleType, false)
            .add("intercept", DataTypes.DoubleType, false);

    @Test
    void dataFrameRegressionByAllreduceMatchesSparkAndTheResultShowsFirstsAndJoins() {
        Dataset<Row> pts = points(spark, 10_000);
        Row spark_ = pts.selectExpr("regr_slope(y, x)", "regr_intercept(y, x)").first();
        double slope = spark_.getDouble(0);
        double intercept = spark_.getDouble(1);
        assertEquals(2.5, slope, 1e-3); // the data is what we meant

        Dataset<Row> fits = mpi.mapPartitions(pts, Encoders.row(FIT), DatasetsLocalModeTest::fit);
        List<Row> rows = fits.collectAsList();
        assertEquals(4, rows.size());
        for (int r = 0; r < 4; r++) {
            Row row = rows.get(r);
            assertEquals(r, row.getInt(0));
            assertEquals(2_500L, row.getLong(1));
            assertEquals(slope, row.getDouble(2), 1e-9 * Math.abs(slope));
            assertEquals(intercept, row.getDouble(3), 1e-7 * Math.max(1, Math.abs(intercept)));
        }

        // what users call on a result: none of it is refused as in a barrier stage
        assertEquals(0, fits.first().getInt(0));
        PrintStream saved = System.out;
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
        try {
            fits.show();
        } finally {
            System.setOut(saved);
        }
        String table = shown.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("|rank|points|") && table.contains("|   3|  2500|"), table);

        Dataset<Row> names = spark.createDataFrame(List.of(RowFactory.create(0, "root"), RowFactory.create(3, "last")),
                new StructType().add("rank", DataTypes.IntegerType).add("name", DataTypes.StringType));
        List<Row> joined = fits.join(names, "rank").orderBy("rank").select("rank", "name", "points").collectAsList();
        assertEquals(List.of(RowFactory.create(0, "root", 2_500L), RowFactory.create(3, "last", 2_500L)), joined);
        assertEquals(2, fits.limit(2).collectAsList().size());
        assertEquals(List.of(1, 2, 3), fits.filter("rank > 0").select("rank").as(Encoders.INT()).collectAsList());
    }

    @Test
    void tuplesOutAndTheResultFeedsAnotherSpmdStage() {
        Dataset<Tuple2<Integer, Long>> ranked = mpi.mapPartitions(spark.range(0, 40, 1, 4),
                Encoders.tuple(Encoders.INT(), Encoders.LONG()), (comm, part) -> {
                    List<Tuple2<Integer, Long>> out = new ArrayList<>();
                    part.forEachRemaining(v -> out.add(new Tuple2<>(comm.rank(), v * v)));
                    return out.iterator();
                });
        // a second SPMD stage over the first's result, after a shuffle of Spark's own
        Dataset<Row> byRank = ranked.toDF("rank", "square").repartition(4, ranked.col("_1"));
        Dataset<String> totals = mpi.mapPartitions(byRank, Encoders.STRING(), (comm, part) -> {
            long[] s = {0};
            part.forEachRemaining(r -> s[0] += r.getLong(1));
            comm.allreduce(s, s, Op.SUM);
            return List.of(Long.toString(s[0])).iterator();
        });
        long expected = 0;
        for (long v = 0; v < 40; v++) {
            expected += v * v;
        }
        assertEquals(List.of(expected, expected, expected, expected),
                totals.collectAsList().stream().map(Long::parseLong).toList());
        assertEquals(new Tuple2<>(0, 0L), ranked.first());
        assertEquals(40, ranked.count());
    }

    @Test
    void badInputIsNamedBeforeAnyStageRuns() {
        Dataset<Long> numbers = spark.range(0, 10, 1, 2);
        IllegalArgumentException noEncoder = assertThrows(IllegalArgumentException.class,
                () -> mpi.mapPartitions(numbers, null, (comm, part) -> part));
        assertTrue(noEncoder.getMessage().contains("Encoder of the result is null"), noEncoder.getMessage());

        Dataset<Row> empty = spark.emptyDataFrame();
        IllegalArgumentException noPartitions = assertThrows(IllegalArgumentException.class,
                () -> mpi.mapPartitions(empty, Encoders.STRING(), (comm, part) -> List.of("x").iterator()));
        assertTrue(noPartitions.getMessage().contains("0 partitions"), noPartitions.getMessage());

        Dataset<Long> tooMany = spark.range(0, 10, 1, 5); // local[4]: 4 slots
        MpiException slots = assertThrows(MpiException.class,
                () -> mpi.mapPartitions(tooMany, Encoders.LONG(), (comm, part) -> part));
        assertTrue(slots.getMessage().contains("needs 5 task slots") && slots.getMessage().contains("only 4"),
                slots.getMessage());
    }
}
