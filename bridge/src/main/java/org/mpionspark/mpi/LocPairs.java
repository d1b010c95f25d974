package org.mpionspark.mpi;

/** Typed (value, index) arrays to and from the interleaved pairs {@link Op#MINLOC} and {@link Op#MAXLOC} reduce. */
final class LocPairs {

    private LocPairs() {
    }

    static Object pack(String call, Object values, int[] indices, Op op) {
        if (op != Op.MINLOC && op != Op.MAXLOC) {
            throw new IllegalArgumentException(call + ": needs Op.MINLOC or Op.MAXLOC, not " + op);
        }
        if (indices == null || values == null || java.lang.reflect.Array.getLength(values) != indices.length) {
            throw new IllegalArgumentException(call + ": values and indices must be arrays of one length");
        }
        int n = indices.length;
        if (values instanceof float[] v) { // as doubles: every float and every int index exactly
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = v[i];
                p[2 * i + 1] = indices[i];
            }
            return p;
        }
        if (values instanceof double[] v) {
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = v[i];
                p[2 * i + 1] = indices[i];
            }
            return p;
        } else if (values instanceof long[] v) {
            long[] p = new long[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = v[i];
                p[2 * i + 1] = indices[i];
            }
            return p;
        } else if (values instanceof int[] v) {
            int[] p = new int[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = v[i];
                p[2 * i + 1] = indices[i];
            }
            return p;
        }
        throw new IllegalArgumentException(call + ": values must be a double[], float[], long[] or int[], not "
                + values.getClass().getSimpleName());
    }

    static void unpack(Object pairs, Object values, int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            if (pairs instanceof double[] p && values instanceof float[] v) {
                v[i] = (float) p[2 * i];
                indices[i] = (int) p[2 * i + 1];
            } else if (pairs instanceof double[] p) {
                ((double[]) values)[i] = p[2 * i];
                indices[i] = (int) p[2 * i + 1];
            } else if (pairs instanceof long[] p) {
                ((long[]) values)[i] = p[2 * i];
                indices[i] = (int) p[2 * i + 1];
            } else {
                int[] p = (int[]) pairs;
                ((int[]) values)[i] = p[2 * i];
                indices[i] = p[2 * i + 1];
            }
        }
    }
}
