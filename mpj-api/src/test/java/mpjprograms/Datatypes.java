package mpjprograms;

import mpi.Datatype;
import mpi.MPI;
import mpi.Op;
import mpi.User_function;

/** Derived datatypes (a column by Vector, Indexed blocks, rows by Contiguous) and a user Op on objects. */
public class Datatypes {

    public static void main(String[] args) throws Exception {
        MPI.Init(args);
        int me = MPI.COMM_WORLD.Rank();
        int n = 4;
        int[] matrix = new int[n * n];
        Datatype column = Datatype.Vector(n, 1, n, MPI.INT);
        column.Commit();
        if (me == 0) {
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = i;
            }
            MPI.COMM_WORLD.Send(matrix, 1, 1, column, 1, 0); // column 1: 1, 5, 9, 13
        } else if (me == 1) {
            int[] col = new int[n];
            MPI.COMM_WORLD.Recv(col, 0, n, MPI.INT, 0, 0);
            System.out.println("column " + java.util.Arrays.toString(col));
        }
        Datatype blocks = Datatype.Indexed(new int[] {2, 1}, new int[] {0, 5}, MPI.INT);
        int[] b = me == 0 ? new int[] {10, 11, 12, 13, 14, 15} : new int[6];
        MPI.COMM_WORLD.Bcast(b, 0, 1, blocks, 0);
        Datatype row = Datatype.Contiguous(3, MPI.INT);
        int[] rows = new int[3 * MPI.COMM_WORLD.Size()];
        MPI.COMM_WORLD.Allgather(new int[] {me, me, me}, 0, 1, row, rows, 0, 1, row);
        String[] longest = new String[1];
        Op maxLength = new Op(new User_function() {
            @Override
            public void Call(Object in, int inOff, Object inout, int inoutOff, int count, Datatype t) {
                Object[] a = (Object[]) in;
                Object[] o = (Object[]) inout;
                for (int i = 0; i < count; i++) {
                    if (((String) a[inOff + i]).length() > ((String) o[inoutOff + i]).length()) {
                        o[inoutOff + i] = a[inOff + i];
                    }
                }
            }
        }, true);
        MPI.COMM_WORLD.Allreduce(new String[] {"x".repeat(me + 1)}, 0, longest, 0, 1, MPI.OBJECT, maxLength);
        System.out.println("rank " + me + " indexed " + java.util.Arrays.toString(b) + " rows "
                + java.util.Arrays.toString(rows) + " longest " + longest[0]);
        MPI.Finalize();
    }
}
