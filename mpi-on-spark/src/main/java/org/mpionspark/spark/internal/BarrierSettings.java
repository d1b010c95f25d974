package org.mpionspark.spark.internal;

import org.apache.spark.SparkConf;
import org.mpionspark.mpi.MpiException;

/**
 * Settings with which Spark refuses or starves every barrier stage, found before the first SPMD
 * stage so that the error names mpi-on-spark and what to set, not Spark's scheduler. Mirrors
 * Spark 4.2's own rules ({@code DAGScheduler.checkBarrierStageWithDynamicAllocation},
 * {@code Utils.isDynamicAllocationEnabled}, the executor-cores check of a resource profile);
 * {@code spark.speculation} is left alone, as Spark never speculates a barrier task.
 */
public final class BarrierSettings {

    /** Where a notebook server keeps the settings of its Spark application. */
    static final String NOTEBOOK_HINT = "; in a notebook server the application's settings live in its Spark "
            + "interpreter (Zeppelin: Interpreter menu, 'spark' interpreter, its properties), and take effect when "
            + "the interpreter restarts";

    private BarrierSettings() {
    }

    /** Throws an {@link MpiException} saying what to set where {@code conf} rules out barrier stages. */
    public static void require(SparkConf conf) {
        if (dynamicAllocation(conf)) {
            throw new MpiException(-1, "SPMD stage", -1, "Spark refuses barrier stages while dynamic allocation "
                    + "is on (spark.dynamicAllocation.enabled=true, SPARK-24942), and each rank is a barrier task: "
                    + "start the application with spark.dynamicAllocation.enabled=false (spark-submit --conf "
                    + "spark.dynamicAllocation.enabled=false, or SparkSession.builder().config(...)) and a fixed "
                    + "number of executors (spark.executor.instances)" + NOTEBOOK_HINT);
        }
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        if (taskCpus < 1) {
            throw new MpiException(-1, "SPMD stage", -1, "spark.task.cpus=" + taskCpus + " leaves no task slot for "
                    + "a rank; set it to 1 or more" + NOTEBOOK_HINT);
        }
        int cores = executorCores(conf);
        if (cores > 0 && taskCpus > cores) {
            throw new MpiException(-1, "SPMD stage", -1, "spark.task.cpus=" + taskCpus + " is more than the "
                    + cores + " cores of an executor (" + coresSource(conf) + "), so no executor can run a rank and "
                    + "the barrier stage would wait for slots that never come; set spark.task.cpus to at most "
                    + cores + " or give executors more cores (spark.executor.cores)" + NOTEBOOK_HINT);
        }
    }

    /** As {@code Utils.isDynamicAllocationEnabled}: on, unless the master is local (where Spark ignores it). */
    static boolean dynamicAllocation(SparkConf conf) {
        if (!conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            return false;
        }
        return !localMaster(conf) || conf.getBoolean("spark.dynamicAllocation.testing", false);
    }

    private static boolean localMaster(SparkConf conf) {
        String master = conf.get("spark.master", "");
        return master.equals("local") || master.startsWith("local[");
    }

    /** Cores of one executor where the settings fix them ({@code local[n]}: n), else 0 (unknown). */
    private static int executorCores(SparkConf conf) {
        String master = conf.get("spark.master", "");
        if (master.equals("local")) {
            return 1;
        }
        if (master.startsWith("local[") && master.endsWith("]")) {
            String n = master.substring("local[".length(), master.length() - 1).split(",")[0].trim();
            return n.matches("\\d+") ? Integer.parseInt(n) : 0; // local[*]: this machine's cores, always enough
        }
        if (master.startsWith("local-cluster[")) {
            String[] parts = master.substring("local-cluster[".length(), master.length() - 1).split(",");
            return parts.length == 3 && parts[1].trim().matches("\\d+") ? Integer.parseInt(parts[1].trim()) : 0;
        }
        return conf.contains("spark.executor.cores") ? conf.getInt("spark.executor.cores", 0) : 0;
    }

    private static String coresSource(SparkConf conf) {
        String master = conf.get("spark.master", "");
        return master.startsWith("local") ? "master " + master : "spark.executor.cores";
    }
}
