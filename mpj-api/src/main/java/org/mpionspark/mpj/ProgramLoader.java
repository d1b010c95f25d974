package org.mpionspark.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

import org.mpionspark.mpi.Communicator;

/**
 * The class loader of one rank's copy of an MPJ Express program, so that its statics
 * ({@code MPI.COMM_WORLD}, the program's own fields) are the rank's. Child-first for the facade
 * package {@code mpi} (and MPJ Express's test packages under it) and for every class that comes
 * from where the main class comes from (its jar or folder); parent-first for the JDK, Spark, Scala
 * and {@code org.mpionspark}, whose classes every rank shares. The program's classes have their
 * {@code System.exit} calls rewritten ({@link ExitRewriter}).
 *
 * <p>It never defines MPJ Express's own {@code mpi} package: that one lives only nested in the
 * bridge jar, loaded by the bridge's per-world loader, which takes no {@code mpi.*} class from its parent.
 */
public final class ProgramLoader extends ClassLoader {

    private static final String[] SHARED = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.mpionspark.", "scala.",
        "org.apache.spark.", "org.slf4j.", "org.apache.logging.", "org.apache.log4j.", "com.esotericsoftware.",
        "org.junit.", "org.apache.xbean.", "org.objenesis."};

    static {
        registerAsParallelCapable();
    }

    private final Communicator communicator;
    private final String codeBase;
    /** Where the facade package {@code mpi} is: it wins over any other {@code mpi} package on the class path. */
    private final String facadeBase;
    private volatile boolean initialized;
    private volatile boolean finalized;

    /** A loader for one rank of the program whose main class is {@code mainClass}, as {@code parent} sees it. */
    public ProgramLoader(ClassLoader parent, Communicator communicator, String mainClass) {
        super("mpj program rank " + communicator.rank(), parent);
        this.communicator = communicator;
        URL main = parent.getResource(resource(mainClass));
        if (main == null) {
            throw new IllegalArgumentException("rank " + communicator.rank() + ": the MPJ Express program's main class "
                    + mainClass + " is not on this JVM's class path (is it in the application jar?)");
        }
        this.codeBase = base(main, resource(mainClass));
        URL facade = parent.getResource(FACADE_MARK);
        this.facadeBase = facade == null ? null : base(facade, FACADE_MARK);
    }

    /** A class of the facade that MPJ Express's own {@code mpi} package does not have. */
    private static final String FACADE_MARK = "mpi/Packing.class";

    /** The rank's communicator, which {@code MPI.Init} binds {@code MPI.COMM_WORLD} to. */
    public Communicator communicator() {
        return communicator;
    }

    /** Called by {@code MPI.Init}. */
    public void initialized() {
        initialized = true;
        finalized = false;
    }

    /** Called by {@code MPI.Finalize}. */
    public void finalized() {
        finalized = true;
    }

    boolean wasInitialized() {
        return initialized;
    }

    boolean wasFinalized() {
        return finalized;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                URL url = find(resource(name));
                boolean program = url != null && base(url, resource(name)).equals(codeBase);
                if (url == null || !(program || name.startsWith("mpi."))) {
                    return super.loadClass(name, resolve);
                }
                byte[] bytes = read(url);
                if (program) {
                    bytes = ExitRewriter.rewrite(bytes);
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * The class file the parent sees for {@code resource}: the facade's or the program's copy first,
     * so that MPJ Express's own jar, if a user put it on the class path too, never shadows them.
     */
    private URL find(String resource) {
        try {
            URL first = null;
            for (java.util.Enumeration<URL> all = getParent().getResources(resource); all.hasMoreElements(); ) {
                URL u = all.nextElement();
                String base = base(u, resource);
                if (base.equals(facadeBase) || base.equals(codeBase)) {
                    return u;
                }
                first = first == null ? u : first;
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + resource, e);
        }
    }

    private static boolean shared(String name) {
        for (String p : SHARED) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** The jar or folder a class file comes from: its URL without the resource name. */
    private static String base(URL url, String resource) {
        String s = url.toString();
        return s.endsWith(resource) ? s.substring(0, s.length() - resource.length()) : s;
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
