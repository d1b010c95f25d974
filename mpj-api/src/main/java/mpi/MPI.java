package mpi;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpj.ProgramLoader;

/**
 * The MPJ Express environment ({@code mpi.MPI} of mpiJava 1.2 / MPJ Express 0.44): {@link #Init}
 * binds {@link #COMM_WORLD} to the mpi-on-spark communicator of the rank that runs the program,
 * {@link #Finalize} ends it. Its statics are the rank's own: each rank loads the program and this
 * package in a class loader of its own ({@link ProgramLoader}).
 */
public class MPI {

    public static final boolean DEBUG = false;
    public static final int NUM_OF_PROCESSORS = Runtime.getRuntime().availableProcessors();
    public static boolean isOldSelected = false;

    public static int UNDEFINED = -1;
    public static int ANY_SOURCE = Communicator.ANY_SOURCE;
    public static int ANY_TAG = Communicator.ANY_TAG;
    public static int PROC_NULL = Communicator.PROC_NULL;
    public static int TAG_UB = Communicator.TAG_UB;
    public static int HOST = -101;
    public static int IO = -102;
    public static int BSEND_OVERHEAD = 0;
    public static int SEND_OVERHEAD = 0;
    public static int RECV_OVERHEAD = 0;
    public static final int IDENT = 0;
    public static final int CONGRUENT = 3;
    public static final int SIMILAR = 1;
    public static final int UNEQUAL = 2;
    public static int GRAPH = 1;
    public static int CART = 2;
    public static int THREAD_SINGLE = 1;
    public static int THREAD_FUNNELED = 2;
    public static int THREAD_SERIALIZED = 3;
    public static int THREAD_MULTIPLE = 4;

    public static Datatype NULL = Datatype.basic("NULL", Datatype.MARKER_);
    public static Datatype BYTE = Datatype.basic("BYTE", Datatype.BYTE_);
    public static Datatype CHAR = Datatype.basic("CHAR", Datatype.CHAR_);
    public static Datatype SHORT = Datatype.basic("SHORT", Datatype.SHORT_);
    public static Datatype BOOLEAN = Datatype.basic("BOOLEAN", Datatype.BOOLEAN_);
    public static Datatype INT = Datatype.basic("INT", Datatype.INT_);
    public static Datatype LONG = Datatype.basic("LONG", Datatype.LONG_);
    public static Datatype FLOAT = Datatype.basic("FLOAT", Datatype.FLOAT_);
    public static Datatype DOUBLE = Datatype.basic("DOUBLE", Datatype.DOUBLE_);
    public static Datatype PACKED = Datatype.basic("PACKED", Datatype.BYTE_);
    public static Datatype LB = Datatype.basic("LB", Datatype.MARKER_);
    public static Datatype UB = Datatype.basic("UB", Datatype.MARKER_);
    public static Datatype OBJECT = Datatype.basic("OBJECT", Datatype.OBJECT_);
    public static Datatype SHORT2 = Datatype.pair("SHORT2", Datatype.SHORT_);
    public static Datatype INT2 = Datatype.pair("INT2", Datatype.INT_);
    public static Datatype LONG2 = Datatype.pair("LONG2", Datatype.LONG_);
    public static Datatype FLOAT2 = Datatype.pair("FLOAT2", Datatype.FLOAT_);
    public static Datatype DOUBLE2 = Datatype.pair("DOUBLE2", Datatype.DOUBLE_);

    public static Op MAX = new Op(org.mpionspark.mpi.Op.MAX, 1);
    public static Op MIN = new Op(org.mpionspark.mpi.Op.MIN, 2);
    public static Op SUM = new Op(org.mpionspark.mpi.Op.SUM, 3);
    public static Op PROD = new Op(org.mpionspark.mpi.Op.PROD, 4);
    public static Op LAND = new Op(org.mpionspark.mpi.Op.LAND, 5);
    public static Op BAND = new Op(org.mpionspark.mpi.Op.BAND, 6);
    public static Op LOR = new Op(org.mpionspark.mpi.Op.LOR, 7);
    public static Op BOR = new Op(org.mpionspark.mpi.Op.BOR, 8);
    public static Op LXOR = new Op(org.mpionspark.mpi.Op.LXOR, 9);
    public static Op BXOR = new Op(org.mpionspark.mpi.Op.BXOR, 10);
    public static Op MAXLOC = new Op(org.mpionspark.mpi.Op.MAXLOC, 11);
    public static Op MINLOC = new Op(org.mpionspark.mpi.Op.MINLOC, 12);

    public static Status EMPTY_STATUS = new Status();
    public static Request REQUEST_NULL = new Request(null);
    public static Errhandler ERRORS_ARE_FATAL = new Errhandler();
    public static Errhandler ERRORS_RETURN = new Errhandler();
    public static Comm COMM_NULL = null;
    public static Group GROUP_NULL = null;
    /** The empty group; set by {@link #Init}. */
    public static Group GROUP_EMPTY;
    /** Every rank of the program; usable between {@link #Init} and {@link #Finalize}. */
    public static Intracomm COMM_WORLD = new Intracomm(null, true);
    /** This rank alone; usable between {@link #Init} and {@link #Finalize}. */
    public static Comm COMM_SELF = new Intracomm(null, true);

    private static final int FRESH = 0, RUNNING = 1, FINALIZED = 2;
    private static int state = FRESH;
    private static Communicator world;

    public MPI() {
    }

    /**
     * Binds {@link #COMM_WORLD} to this rank's communicator ({@code MPI_Init}): a private duplicate
     * of it, so messages of an earlier Init/Finalize round never mix with this one's. Returns the
     * program's arguments. A second call before {@link #Finalize} is an error.
     */
    public static String[] Init(String[] args) throws MPIException {
        if (state == RUNNING) {
            throw new MPIException("MPI.Init called twice: MPI is already initialised on this rank "
                    + "(call MPI.Finalize before initialising again)");
        }
        ClassLoader loader = MPI.class.getClassLoader();
        if (!(loader instanceof ProgramLoader program)) {
            throw new MPIException("MPI.Init: this program does not run on an mpi-on-spark rank; start it with "
                    + "org.mpionspark.mpj.RunMain (spark-submit) or MpjPrograms.runMain, which give each rank its own "
                    + "copy of the program and of the mpi package");
        }
        Communicator c = Calls.call("MPI.Init", () -> program.communicator().dup());
        world = c;
        ((Comm) COMM_WORLD).bind(c);
        COMM_SELF.bind(c.self());
        GROUP_EMPTY = new Group(new org.mpionspark.mpi.Group(new int[0], c.rank()));
        state = RUNNING;
        program.initialized();
        return args == null ? new String[0] : args.clone();
    }

    /** {@link #Init}; a rank's communicators may be used by one thread at a time, so {@code provided} is {@code THREAD_SERIALIZED}. */
    public static String[] initThread(int required, int provided, String[] args) {
        return Init(args);
    }

    public static boolean isMainThread() {
        return true;
    }

    public static int queryThread() {
        return THREAD_SERIALIZED;
    }

    /** Ends MPI on this rank ({@code MPI_Finalize}): every later call fails, until a new {@link #Init}. */
    public static void Finalize() throws MPIException {
        Communicator c = active("MPI.Finalize");
        state = FINALIZED;
        Calls.run("MPI.Finalize", c::free);
        world = null;
        ((Comm) COMM_WORLD).bind(null);
        COMM_SELF.bind(null);
        ((ProgramLoader) MPI.class.getClassLoader()).finalized();
    }

    /** Whether {@link #Init} has been called ({@code MPI_Initialized}). */
    public static boolean Initialized() throws MPIException {
        return state != FRESH;
    }

    public static String Get_processor_name() throws MPIException {
        return active("MPI.Get_processor_name").processorName();
    }

    public static double Wtime() throws MPIException {
        return System.nanoTime() / 1e9;
    }

    public static double Wtick() throws MPIException {
        return 1e-9;
    }

    /** No buffer is needed: buffered sends are sent as standard ones. */
    public static void Buffer_attach(java.nio.ByteBuffer buffer) throws MPIException {
    }

    public static void Buffer_detach() throws MPIException {
    }

    /** Errors are always raised as {@link MPIException}, whichever handler is set. */
    public static void Errorhandler_set(Errhandler errhandler) throws MPIException {
    }

    public static Errhandler Errorhandler_get() throws MPIException {
        return ERRORS_ARE_FATAL;
    }

    /** The rank's world communicator, or an error naming {@code op} when MPI is not running. */
    static Communicator active(String op) {
        if (state == FRESH) {
            throw new MPIException(op + ": MPI is used before MPI.Init (call MPI.Init(args) first)");
        }
        if (state == FINALIZED) {
            throw new MPIException(op + ": MPI is used after MPI.Finalize");
        }
        return world;
    }
}
