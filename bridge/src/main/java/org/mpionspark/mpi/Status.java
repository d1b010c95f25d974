package org.mpionspark.mpi;

/**
 * What a completed receive found ({@code MPI_Status}): the sender, the tag, and how many elements
 * (or bytes, for objects) the message held.
 */
public record Status(int source, int tag, int count) {
}
