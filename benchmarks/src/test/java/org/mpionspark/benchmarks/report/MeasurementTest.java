package org.mpionspark.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Medians of odd and even counts, and the units the report prints. */
class MeasurementTest {

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(3.0, Measurement.median(new double[] {9, 1, 3}));
        assertEquals(2.5, Measurement.median(new double[] {4, 1, 2, 3}));
        Measurement m = Measurement.of("s", "m", "local", 4, 8, new double[] {2, 1});
        assertEquals(1.5, m.medianMs());
        assertEquals(1, m.minMs());
        assertEquals(2, m.maxMs());
    }

    @Test
    void sizesAndTimesReadAsPeopleWriteThem() {
        assertEquals(64L << 20, Units.parseBytes("64m"));
        assertEquals(8192, Units.parseBytes("8K"));
        assertEquals("64 MB", Units.bytes(64L << 20));
        assertEquals("12.5 µs", Units.millis(0.0125));
        assertEquals("2.48 s", Units.millis(2480));
    }
}
