package org.mpionspark.bridge.collective;

/**
 * The ranks of a collective call that share this JVM, meeting through memory: each publishes its
 * array, reads the others' in place, and waits for the others at each step. A {@link Links} has
 * one when every rank of the call is in this JVM.
 */
public interface Meetings {

    /** Starts one shared step of the call: the members meet afresh (a call may run several). */
    void open();

    /** Publishes this rank's array for the others, as {@link #buffer(int)} of its rank. */
    void publish(Object buf);

    /** The array rank {@code rank} published in this step. */
    Object buffer(int rank);

    /** Waits until every member has reached this point (abortable, bounded like any wait). */
    void sync();

    /** Ends the step: this rank reads no peer's array any more. */
    void close();
}
