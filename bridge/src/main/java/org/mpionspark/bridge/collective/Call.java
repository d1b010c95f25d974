package org.mpionspark.bridge.collective;

/**
 * One collective call as {@link Collectives} sees it: messages to its peers over the transport
 * ({@link Links}), and, where its ranks share this JVM, their meetings in memory.
 */
public interface Call extends Links {

    /** The call's meetings in memory, when every rank of it is in this JVM; else null. */
    Meetings meetings();

    /**
     * The call's ranks grouped by JVM, when they span several and some share one; else null, and
     * null always where two levels are ruled out ({@code spark.mpi.collectives.twoLevel=never}).
     */
    Groups groups();

    /** Whether {@link #groups()}, where there are any, are used whatever the size ({@code twoLevel=always}). */
    boolean twoLevelAlways();

    /**
     * Whether other ranks of the call live in this JVM: they may read an array this rank meets them
     * with until they are done, after this rank has returned, so it must not be reused ({@link Scratch}).
     */
    boolean sharesJvm();
}
