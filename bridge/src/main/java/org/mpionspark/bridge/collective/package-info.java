/**
 * Collective algorithms, and the one place that routes each call ({@link
 * org.mpionspark.bridge.collective.Collectives}): ranks of one JVM meeting in memory, two levels,
 * or point-to-point messages over {@link org.mpionspark.bridge.collective.Links} (MPJ Express
 * 0.44's own collectives are partly wrong and tree-shaped). Uses the transport seam and {@code Op}.
 */
package org.mpionspark.bridge.collective;
