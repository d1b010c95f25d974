/**
 * Isolated class loaders for MPJ Express, one per JVM and running world, pooled for the next
 * worlds: MPJ keeps its world in static fields, so two worlds at once need a copy each.
 */
package org.mpionspark.bridge.loader;
