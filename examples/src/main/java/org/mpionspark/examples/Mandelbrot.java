package org.mpionspark.examples;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Op;
import org.mpionspark.spark.JavaMpiContext;

/**
 * The course's Mandelbrot program (the "Mandelbrot Set Example" cell of 3.1 Distributed
 * Computing): the image's rows are split over the ranks, each rank computes its rows, and rank 0
 * collects them with {@code gatherv}. mpi4py gathers with a contiguous "row" datatype; here counts
 * are in elements, so a block of {@code rows} rows is {@code rows * width} ints.
 *
 * <p>Two ways to hand out the rows. {@link #render} is the course's: each rank works out its block
 * with a {@code scan} of the block sizes. {@link #renderFromRdd}, what {@code main} runs, reads
 * them from Spark: the row numbers are an RDD of {@code ranks} partitions, partition p is rank p's
 * block, and the image comes back through Spark as the one element rank 0 returns.
 *
 * <pre>
 * usage: Mandelbrot [ranks=4] [width=250] [height=200] [image.png | image.pgm]
 *   on embedded Spark:  mvn -B -q package -DskipTests -pl examples -am -Drun=Mandelbrot -Drun.args="4 500 400 /tmp/m.png"
 *   on a cluster:       spark-submit --class org.mpionspark.examples.Mandelbrot mpi-on-spark-examples.jar 4
 * </pre>
 * It prints the picture in characters, and writes it as a colour PNG or a grey PGM if given a path.
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
            row(f, first + i, out, i * f.width());
        }
        return out;
    }

    private static void row(Frame f, int row, int[] out, int offset) {
        double y = f.y(row);
        for (int j = 0; j < f.width(); j++) {
            out[offset + j] = escapeTime(f.x(j), y, f.maxit());
        }
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

    /**
     * The rows of this rank's partition (a block of consecutive row numbers, possibly empty), and
     * the whole image (row-major) at rank 0, {@code null} elsewhere. Rank 0 learns where each
     * block goes from its first row: {@code gatherv}'s displacements.
     */
    static int[] renderRows(Communicator comm, Iterator<Integer> partition, Frame f) {
        List<Integer> myRows = new ArrayList<>();
        partition.forEachRemaining(myRows::add);
        int w = f.width();
        int[] mine = new int[myRows.size() * w];
        for (int i = 0; i < myRows.size(); i++) {
            if (myRows.get(i) != myRows.get(0) + i) {
                throw new IllegalArgumentException("rank " + comm.rank() + "'s rows are not one block: " + myRows);
            }
            row(f, myRows.get(i), mine, i * w);
        }
        int size = comm.size();
        int[] counts = new int[size]; // in ints: rows * width
        int[] displs = new int[size]; // where each block starts, in ints: first row * width
        comm.gather(new int[] {mine.length}, counts, 0);
        comm.gather(new int[] {myRows.isEmpty() ? 0 : myRows.get(0) * w}, displs, 0);
        int[] image = comm.rank() == 0 ? new int[f.height() * w] : null;
        comm.gatherv(mine, 0, mine.length, image, counts, displs, 0);
        return image;
    }

    /** The image, its rows read from an RDD of {@code ranks} partitions: partition p is rank p's block of rows. */
    static int[] renderFromRdd(JavaMpiContext mpi, Frame f, int ranks) {
        JavaRDD<Integer> rows = mpi.sparkContext().parallelize(IntStream.range(0, f.height()).boxed().toList(), ranks);
        List<int[]> images = mpi.mapPartitions(rows, (comm, partition) -> {
            int[] image = renderRows(comm, partition, f);
            return image == null ? Collections.<int[]>emptyIterator() : List.of(image).iterator();
        }).collect();
        return images.get(0);
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

    /** The colour of a point that escaped after {@code it} iterations: black inside the set, blue to red outside (0xRRGGBB). */
    static int rgb(int it, int maxit) {
        return it >= maxit ? 0 : Color.HSBtoRGB(0.66f * (1 - (float) it / maxit), 1f, 0.4f + 0.6f * it / maxit) & 0xFFFFFF;
    }

    /** Writes the image as a colour PNG (ImageIO). */
    static void writePng(int[] image, Frame f, Path path) throws IOException {
        BufferedImage png = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < f.height(); r++) {
            for (int c = 0; c < f.width(); c++) {
                png.setRGB(c, r, rgb(image[r * f.width() + c], f.maxit()));
            }
        }
        if (!ImageIO.write(png, "png", path.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    public static void main(String[] args) throws IOException {
        int ranks = Examples.intArg(args, 0, 4);
        Frame frame = Frame.course(Examples.intArg(args, 1, 250), Examples.intArg(args, 2, 200));
        try (JavaSparkContext jsc = Examples.sparkContext("Mandelbrot", ranks)) {
            JavaMpiContext mpi = new JavaMpiContext(jsc);
            long t0 = System.nanoTime();
            int[] image = renderFromRdd(mpi, frame, ranks);
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.print(ascii(image, frame, Math.min(78, frame.width())));
            System.out.printf("%d x %d points, %d ranks, %.0f ms on %s%n", frame.width(), frame.height(), ranks, ms,
                    jsc.master());
            if (args.length > 3) {
                Path path = Path.of(args[3]);
                if (args[3].endsWith(".pgm")) {
                    writePgm(image, frame, path);
                } else {
                    writePng(image, frame, path);
                }
                System.out.println("image written to " + path);
            }
        }
    }
}
