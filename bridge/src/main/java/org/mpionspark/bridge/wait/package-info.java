/**
 * The waiting that always ends: every blocking call of a rank polls its transport through the
 * {@link org.mpionspark.bridge.wait.Waiter}, bounded by the op timeout, freed by an abort ({@link
 * org.mpionspark.bridge.wait.AbortState}), and told to the driver's deadlock watchdog when long.
 */
package org.mpionspark.bridge.wait;
