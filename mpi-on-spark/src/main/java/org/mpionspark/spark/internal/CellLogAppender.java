package org.mpionspark.spark.internal;

import java.io.PrintStream;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** The log4j 2 appender of {@link CellLog}: writes an event only on a thread that runs a cell. */
final class CellLogAppender extends AbstractAppender {

    private CellLogAppender() {
        super("mpi-session-cells", null, PatternLayout.newBuilder().withPattern("%d{HH:mm:ss} %p %c{1}: %m%n").build(),
                true, Property.EMPTY_ARRAY);
    }

    static void addToRootLogger() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        CellLogAppender a = new CellLogAppender();
        a.start();
        config.addAppender(a);
        config.getRootLogger().addAppender(a, null, null);
        ctx.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        PrintStream target = CellLog.TARGET.get();
        if (target != null) {
            target.print(getLayout().toSerializable(event));
        }
    }
}
