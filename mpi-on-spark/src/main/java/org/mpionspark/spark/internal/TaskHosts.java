package org.mpionspark.spark.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Where each task of the recent stages ran (host, executor), from Spark's task-start events, so a
 * failed rank's error can name its host as a lost one's does. The tasks of the last
 * {@value #STAGES_KEPT} completed stages are kept: the error is built after its stage ended.
 */
public final class TaskHosts extends SparkListener {

    private static final int STAGES_KEPT = 64;
    private static final Map<SparkContext, TaskHosts> BY_CONTEXT = new ConcurrentHashMap<>();

    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    private final Deque<String> completed = new ArrayDeque<>();

    private TaskHosts() {
    }

    /** The one of {@code sc}, listening from the first call on (before any SPMD stage of it starts). */
    public static TaskHosts of(SparkContext sc) {
        return BY_CONTEXT.computeIfAbsent(sc, c -> {
            TaskHosts t = new TaskHosts();
            c.addSparkListener(t);
            return t;
        });
    }

    /** E.g. "host 10.0.0.5, executor 1", for the task of {@code partition} in that stage attempt, if known. */
    public Optional<String> of(int stage, int attempt, int partition) {
        return Optional.ofNullable(hosts.get(stage + "." + attempt + "." + partition));
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        hosts.put(start.stageId() + "." + start.stageAttemptId() + "." + start.taskInfo().partitionId(),
                "host " + start.taskInfo().host() + ", executor " + start.taskInfo().executorId());
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted done) {
        String stage = done.stageInfo().stageId() + "." + done.stageInfo().attemptNumber() + ".";
        synchronized (completed) {
            completed.addLast(stage);
            while (completed.size() > STAGES_KEPT) {
                String old = completed.removeFirst();
                hosts.keySet().removeIf(k -> k.startsWith(old));
            }
        }
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd end) {
        BY_CONTEXT.values().remove(this);
    }
}
