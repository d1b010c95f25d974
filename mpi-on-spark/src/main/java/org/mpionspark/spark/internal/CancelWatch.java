package org.mpionspark.spark.internal;

import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;

/**
 * Lets a notebook's cancel button stop a session cell. Zeppelin cancels a paragraph by cancelling
 * its Spark job group, which only reaches jobs of that group; a cell runs no job of its own (its
 * ranks are a long-lived stage), so while it runs, a one-task job waits in the caller's group and
 * its end, if not ours, says the group was cancelled. Nothing is started where the caller has no group.
 */
public final class CancelWatch implements AutoCloseable {

    private static final String GROUP = "spark.jobGroup.id";

    private final JavaFutureAction<Void> sentinel;

    private CancelWatch(JavaFutureAction<Void> sentinel) {
        this.sentinel = sentinel;
    }

    /** Watches the calling thread's job group, if it has one. */
    public static CancelWatch start(JavaSparkContext jsc) {
        String group = jsc.getLocalProperty(GROUP);
        if (group == null || group.isEmpty()) {
            return new CancelWatch(null);
        }
        return new CancelWatch(jsc.parallelize(List.of(0), 1).foreachAsync(new Sentinel()));
    }

    /** Whether the caller's job group was cancelled since {@link #start}. */
    public boolean cancelled() {
        return sentinel != null && sentinel.isDone();
    }

    @Override
    public void close() {
        if (sentinel != null) {
            sentinel.cancel(true);
        }
    }

    /** Waits until its task is killed (free slots permitting; otherwise the job just waits). */
    private static final class Sentinel implements VoidFunction<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void call(Integer ignored) throws InterruptedException {
            TaskContext tc = TaskContext.get();
            while (tc != null && !tc.isInterrupted()) {
                Thread.sleep(20);
            }
        }
    }
}
