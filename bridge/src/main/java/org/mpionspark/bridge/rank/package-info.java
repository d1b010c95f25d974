/**
 * The life cycle of one rank: its options, its start (joining the rendezvous, choosing memory or
 * MPJ Express for each peer: {@link org.mpionspark.bridge.rank.RankLauncher}), its end ({@link
 * org.mpionspark.bridge.rank.RankSession}) and the capture of what it prints. The door by which
 * the Spark side and {@code LocalWorld} start ranks.
 */
package org.mpionspark.bridge.rank;
