/**
 * MPJ Express's data ports, guarded: bound to the executor's address, and taking only connections
 * that prove they come from an endpoint of the same world; MPJ's {@code niodev} reaches them
 * through {@link org.mpionspark.bridge.dataport.DataPorts}, the lanes through {@link
 * org.mpionspark.bridge.dataport.LanePort}.
 */
package org.mpionspark.bridge.dataport;
