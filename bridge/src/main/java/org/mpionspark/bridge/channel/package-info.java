/**
 * How one communicator's messages travel the transport's two channels: user messages matched by
 * context, source and tag ({@link org.mpionspark.bridge.channel.Matcher}), and collective calls,
 * numbered and signed so that a mismatch is diagnosed, never matched ({@link
 * org.mpionspark.bridge.channel.CollectiveChannel}), each run through the collective layer.
 */
package org.mpionspark.bridge.channel;
