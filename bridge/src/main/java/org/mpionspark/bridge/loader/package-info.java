/**
 * One isolated class loader per rank: MPJ Express keeps its world in static fields, so two ranks
 * in one JVM must each have their own copy of its classes.
 */
package org.mpionspark.bridge.loader;
