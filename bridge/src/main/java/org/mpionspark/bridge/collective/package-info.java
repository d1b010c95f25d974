/**
 * Collective algorithms written on point-to-point messages, because MPJ Express 0.44's own are
 * partly wrong and tree-shaped: each class here is one algorithm over a {@link
 * org.mpionspark.bridge.collective.Links}.
 */
package org.mpionspark.bridge.collective;
