/**
 * How an SPMD stage runs on Spark, behind the public {@code org.mpionspark.spark} classes: the
 * driver's rendezvous ({@code DriverRendezvous}), the barrier-task body of a rank ({@code
 * BarrierRank}) and what it returns ({@code Results}, {@code DecodedRdd}), the slot check before a
 * stage ({@code SlotCheck}) and the watch on a cancelled job ({@code CancelWatch}); for sessions,
 * the driver's cell server and the ranks' loop ({@code CellServer}, {@code CellTicket},
 * {@code CellWire}, {@code CellValues}, {@code SessionRankLoop}), what a rank prints to a cell
 * ({@code CellLog}, {@code CellLogAppender}), and the Scala REPL of the tests ({@code ScalaConsole}).
 */
package org.mpionspark.spark.internal;
