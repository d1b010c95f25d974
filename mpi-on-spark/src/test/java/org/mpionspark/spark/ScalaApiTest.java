package org.mpionspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * The Java API as Scala 2.13 code calls it (Zeppelin's %spark is Scala): lambdas for run,
 * mapPartitions over an RDD and over a Dataset, no casts; compiled and run here by Scala's REPL.
 */
@Timeout(300)
class ScalaApiTest {

    @Test
    void scalaLambdasDriveRunRddsAndDatasets() {
        StringWriter log = new StringWriter();
        Settings settings = new Settings();
        ((scala.tools.nsc.settings.MutableSettings.BooleanSetting) settings.usejavacp()).value_$eq(true);
        IMain repl = new IMain(settings, new ReplReporterImpl(settings, new PrintWriter(log)));
        try {
            String code = String.join("\n",
                    "import org.mpionspark.spark._, org.mpionspark.mpi._",
                    "import org.apache.spark.sql.{SparkSession, Encoders}",
                    "import scala.jdk.CollectionConverters._",
                    "val spark = SparkSession.builder().master(\"local[4]\").appName(\"scala\")",
                    "  .config(\"spark.ui.enabled\", \"false\").config(\"spark.driver.host\", \"127.0.0.1\")",
                    "  .config(\"spark.driver.bindAddress\", \"127.0.0.1\").getOrCreate()",
                    "val mpi = new JavaMpiContext(new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext))",
                    "val sums = mpi.run(4, (comm: Communicator) => {",
                    "  val v = Array(comm.rank().toDouble + 1); comm.allreduce(Communicator.IN_PLACE, v, Op.SUM); v(0) })",
                    "val rdd = spark.sparkContext.parallelize(1 to 40, 4).toJavaRDD()",
                    "val parts = mpi.mapPartitions(rdd, (comm: Communicator, it: java.util.Iterator[Int]) => {",
                    "  val n = it.asScala.map(_.toLong).sum; val t = Array(n); comm.allreduce(Communicator.IN_PLACE, t, Op.SUM)",
                    "  List(s\"${comm.rank()}:$n/${t(0)}\").iterator.asJava }).collect()",
                    "val ds = spark.range(0, 100, 1, 4).as(Encoders.LONG)",
                    "val out = mpi.mapPartitions(ds, Encoders.STRING, (comm: Communicator, it: java.util.Iterator[java.lang.Long]) => {",
                    "  val n = it.asScala.map(_.longValue).sum; val t = Array(n); comm.allreduce(Communicator.IN_PLACE, t, Op.SUM)",
                    "  List(s\"${comm.rank()}=${t(0)}\").iterator.asJava })",
                    "val lists = mpi.run(2, (comm: Communicator) => {",
                    "  if (comm.rank() == 0) { comm.sendObject(List(1, 2, 3) :+ 4, 1, 0); comm.sendObject(Option.empty[Int], 1, 1); \"sent\" }",
                    "  else { val l: List[Int] = comm.recvObject(0, 0); val o: Option[Int] = comm.recvObject(0, 1)",
                    "    s\"${l.map(_ * 10).mkString(\"+\")} ${o.isEmpty} ${o eq None}\" } })",
                    "val result = sums.asScala.mkString(\",\") + \"|\" + parts.asScala.mkString(\",\") + \"|\" + out.first() +",
                    "  \"|\" + lists.get(1)",
                    "spark.stop()");
            assertEquals(Results.Success$.MODULE$, repl.interpret(code), log::toString);
            Object result = repl.valueOfTerm("result").getOrElse(() -> "no value: " + log);
            assertEquals("10.0,10.0,10.0,10.0|0:55/820,1:155/820,2:255/820,3:355/820|0=4950|10+20+30+40 true true", result);
        } finally {
            repl.close();
        }
    }
}
