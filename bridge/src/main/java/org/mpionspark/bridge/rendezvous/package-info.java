/**
 * How the ranks of one world find each other: a server (on the Spark driver) that admits only
 * its own world's ranks, by secret, and hands each the peer table; the same connection then
 * carries failures and aborts for the rest of the world's life.
 */
package org.mpionspark.bridge.rendezvous;
