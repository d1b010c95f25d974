package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpionspark.spark.JavaMpiContext;

/** The course programs on embedded Spark give what a one-process computation gives. */
@Timeout(120)
class CourseProgramsTest {

    private static JavaSparkContext jsc;
    private static JavaMpiContext mpi;

    @BeforeAll
    static void start() {
        jsc = new JavaSparkContext(new SparkConf().setMaster("local[5]").setAppName("course programs")
                .set("spark.ui.enabled", "false"));
        mpi = new JavaMpiContext(jsc);
    }

    @AfterAll
    static void stop() {
        jsc.close();
    }

    @Test
    void piIsWithinTheMidpointRulesError() {
        List<Double> pis = mpi.run(4, comm -> Pi.computePi(comm, 1_000_000));
        for (double pi : pis) {
            assertEquals(Math.PI, pi, 1e-12);
            assertEquals(pis.get(0), pi, 0.0, "every rank holds the same allreduced sum");
        }
    }

    @Test
    void mandelbrotGathersEveryRowInPlaceOnUnevenRanks() {
        Mandelbrot.Frame frame = Mandelbrot.Frame.course(250, 203); // 203 rows: 41, 41, 41, 40, 40
        List<int[]> images = mpi.run(5, comm -> Mandelbrot.render(comm, frame));
        assertArrayEquals(Mandelbrot.rows(frame, 0, frame.height()), images.get(0));
        for (int r = 1; r < 5; r++) {
            assertNull(images.get(r));
        }
        int[] image = images.get(0);
        assertEquals(frame.maxit(), image[101 * 250 + 146], "(-0.248, -0.005) is in the main cardioid: never escapes");
        assertEquals(1, image[0], "(-2, -1) escapes at once");
        assertEquals(Mandelbrot.ascii(Mandelbrot.rows(frame, 0, frame.height()), frame, 40),
                Mandelbrot.ascii(image, frame, 40));
    }
}
