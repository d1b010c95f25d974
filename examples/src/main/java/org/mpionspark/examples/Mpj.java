package org.mpionspark.examples;

import org.mpionspark.mpj.RunMain;

/**
 * Runs an MPJ Express program unchanged, as {@code mpjrun.sh -np N Main} would, here on embedded
 * Spark (README command 1) or under spark-submit; the program is {@code HelloWorld} (MPJ Express's
 * first example, in the default package as in its guide) unless named.
 *
 * <pre>
 * usage: Mpj [ranks=4] [main class=HelloWorld] [program args...]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=Mpj -Drun.args="4 HelloWorld"
 *   on a cluster:       spark-submit --class org.mpionspark.mpj.RunMain mpi-on-spark-examples.jar --np 4 HelloWorld
 *
 * [stdout:0] Hi from &lt;0&gt;
 * [stdout:1] Hi from &lt;1&gt;
 * ...
 * </pre>
 */
public final class Mpj {

    private Mpj() {
    }

    public static void main(String[] args) {
        String ranks = args.length > 0 ? args[0] : "4";
        String main = args.length > 1 ? args[1] : "HelloWorld";
        String[] argv = new String[Math.max(3, args.length + 1)];
        argv[0] = "--np";
        argv[1] = ranks;
        argv[2] = main;
        for (int i = 2; i < args.length; i++) {
            argv[i + 1] = args[i];
        }
        RunMain.main(argv);
    }
}
