package org.mpionspark.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * The course's Mandelbrot program: the image's rows are split over the ranks, each rank finds its
 * first row with a {@code scan} and computes its rows, and rank 0 collects them with
 * {@code gatherv}. mpi4py gathers with a contiguous "row" datatype; here counts are in elements,
 * so a block of {@code rows} rows is {@code rows * width} ints.
 *
 * <pre>
 * usage: Mandelbrot [ranks=4] [width=250] [height=200] [image.pgm]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=Mandelbrot
 *   on a cluster:       spark-submit --class org.mpionspark.examples.Mandelbrot mpi-on-spark-examples.jar 4
 * </pre>
 */
public final class Mandelbrot {

    /** The part of the complex plane drawn, the image's size and the iteration cap. */
    record Frame(double x1, double x2, double y1, double y2, int width, int height, int maxit)
            implements java.io.Serializable {

        /** The course's picture: [-2, 1] x [-1, 1] at 250 x 200, at most 127 iterations. */
        static Frame course(int width, int height) {
            return new Frame(-2.0, 1.0, -1.0, 1.0, width, height, 127);
        }

        double x(int column) {
            return x1 + column * (x2 - x1) / width;
        }

        double y(int row) {
            return y1 + row * (y2 - y1) / height;
        }
    }

    private Mandelbrot() {
    }

    /** Iterations of z = z^2 + c from 0 before |z| reaches 2, at most {@code maxit}. */
    static int escapeTime(double cx, double cy, int maxit) {
        double zx = 0;
        double zy = 0;
        int it = 0;
        while (zx * zx + zy * zy < 4 && it < maxit) {
            double t = zx * zx - zy * zy + cx;
            zy = 2 * zx * zy + cy;
            zx = t;
            it++;
        }
        return it;
    }

    /** Computes {@code count} rows from {@code first}, row-major. */
    static int[] rows(Frame f, int first, int count) {
        int[] out = new int[count * f.width()];
        for (int i = 0; i < count; i++) {
            double y = f.y(first + i);
            for (int j = 0; j < f.width(); j++) {
                out[i * f.width() + j] = escapeTime(f.x(j), y, f.maxit());
            }
        }
        return out;
    }

    /** This rank's rows, and the whole image (row-major) at rank 0; {@code null} on the other ranks. */
    static int[] render(Communicator comm, Frame f) {
        int size = comm.size();
        int rank = comm.rank();
        int myRows = f.height() / size + (f.height() % size > rank ? 1 : 0);
        int[] upToMine = new int[1];
        comm.scan(new int[] {myRows}, upToMine, Op.SUM);
        int first = upToMine[0] - myRows;

        int[] mine = rows(f, first, myRows);

        int[] counts = new int[size]; // in ints: rows * width
        comm.gather(new int[] {mine.length}, counts, 0);
        int[] image = rank == 0 ? new int[f.height() * f.width()] : null;
        comm.gatherv(mine, 0, mine.length, image, counts, null, 0);
        return image;
    }

    /** The image in characters, {@code columns} wide: darker characters for points that escape later. */
    static String ascii(int[] image, Frame f, int columns) {
        String shades = " .:-=+*#%@";
        int lines = Math.max(1, columns * f.height() / f.width() / 2); // a character is about twice as tall as wide
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int row = l * f.height() / lines;
            for (int c = 0; c < columns; c++) {
                int it = image[row * f.width() + c * f.width() / columns];
                s.append(shades.charAt(it * (shades.length() - 1) / f.maxit()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes the image as a binary grey-scale PGM, viewable almost anywhere. */
    static void writePgm(int[] image, Frame f, Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(("P5\n" + f.width() + " " + f.height() + "\n" + f.maxit() + "\n").getBytes(StandardCharsets.US_ASCII));
            for (int v : image) {
                out.write(f.maxit() - v);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int ranks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Frame frame = Frame.course(width, height);
        SparkConf conf = new SparkConf().setAppName("mpi-on-spark Mandelbrot")
                .setIfMissing("spark.master", "local[" + ranks + "]");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            long t0 = System.nanoTime();
            List<int[]> images = mpi.run(ranks, comm -> render(comm, frame));
            double ms = (System.nanoTime() - t0) / 1e6;
            int[] image = images.get(0);
            System.out.print(ascii(image, frame, Math.min(78, width)));
            System.out.printf("%d x %d points, %d ranks, %.0f ms on %s%n", width, height, ranks, ms, jsc.master());
            if (args.length > 3) {
                writePgm(image, frame, Path.of(args[3]));
                System.out.println("image written to " + args[3]);
            }
        }
    }
}
