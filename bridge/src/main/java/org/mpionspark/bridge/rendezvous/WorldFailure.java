package org.mpionspark.bridge.rendezvous;

/**
 * The first failure of a world: which rank (-1: none in particular), why, and its original
 * error. {@code retriable}: it came from outside the user's code (a rank's task or executor
 * was lost, or never reached the rendezvous), so a fresh world may well succeed.
 */
public record WorldFailure(String worldKey, int rank, String message, Throwable error, boolean retriable) {
}
