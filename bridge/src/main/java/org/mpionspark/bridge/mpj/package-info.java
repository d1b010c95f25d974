/**
 * The only code that touches MPJ Express: the transport seam over its {@code niodev} device.
 * Loaded once per rank by that rank's isolated class loader (MPJ keeps its world in static
 * fields), never by the application's.
 */
package org.mpionspark.bridge.mpj;
