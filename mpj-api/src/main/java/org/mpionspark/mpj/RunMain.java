package org.mpionspark.mpj;

import java.util.Arrays;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.spark.JavaMpiContext;
import org.mpionspark.spark.SpmdResult;

/**
 * The spark-submit entry of MPJ Express programs, in place of {@code mpjrun.sh -np N Main args}:
 * {@code spark-submit --class org.mpionspark.mpj.RunMain app.jar --np 4 com.example.Ring args...}.
 * Prints each rank's output ({@code [stdout:r] ...}) and exits 1 when a rank failed. Without a
 * master (a plain {@code java} run) it uses embedded {@code local[N]}.
 */
public final class RunMain {

    private RunMain() {
    }

    public static void main(String[] argv) {
        int status = run(argv);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #main} does, returning its exit status: 0, 1 when a rank failed, 2 for bad arguments. */
    static int run(String[] argv) {
        int ranks;
        String mainClass;
        try {
            if (argv.length < 3 || !(argv[0].equals("--np") || argv[0].equals("-np"))) {
                throw new IllegalArgumentException("usage: RunMain --np N MAIN_CLASS [ARGS...], not "
                        + Arrays.toString(argv));
            }
            ranks = Integer.parseInt(argv[1]);
            mainClass = argv[2];
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String[] args = Arrays.copyOfRange(argv, 3, argv.length);
        SparkConf conf = new SparkConf().setAppName("MPJ Express " + mainClass)
                .setIfMissing("spark.master", "local[" + ranks + "]");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            SpmdResult<Integer> result = MpjPrograms.runMain(new JavaMpiContext(jsc), ranks, mainClass, args);
            System.out.print(result.formatted());
            System.out.flush();
            return 0;
        } catch (RuntimeException e) {
            System.err.println("MPJ Express program " + mainClass + " on " + ranks + " ranks failed: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
    }
}
