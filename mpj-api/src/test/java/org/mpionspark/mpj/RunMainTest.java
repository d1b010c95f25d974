package org.mpionspark.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RunMain, spark-submit's entry, run as a plain main: embedded local[N], each rank's output, exit statuses. */
@Timeout(120)
class RunMainTest {

    @Test
    void runsTheProgramOnEmbeddedSparkAndPrintsEachRanksOutput() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty("spark.ui.enabled", "false");
        System.setOut(new PrintStream(printed, true));
        int status;
        try {
            status = RunMain.run(new String[] {"--np", "3", "mpjprograms.Ring", "p", "q"});
        } finally {
            System.setOut(out);
        }
        assertEquals(0, status);
        String text = printed.toString();
        assertTrue(text.contains("[stdout:0] token 103 from 2 tag 7 count 1"), text);
        assertTrue(text.contains("[stdout:2] rank 2 of 3 got 1.0,2.0 sum 6 args p,q runs 1"), text);
        assertEquals(1, RunMain.run(new String[] {"--np", "2", "mpjprograms.Misuse", "exit-3"}));
    }

    @Test
    void badArgumentsSayHowToCallIt() {
        assertEquals(2, RunMain.run(new String[] {"4", "com.example.Ring"}));
        assertEquals(2, RunMain.run(new String[] {"--np", "four", "com.example.Ring"}));
    }
}
