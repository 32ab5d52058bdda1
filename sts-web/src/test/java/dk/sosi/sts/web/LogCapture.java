package dk.sosi.sts.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the STS logged while requests were served: the events of the server's request threads (Jetty's
 * {@code qtp…} pool), not those of its background jobs. Close it to stop listening.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** The events logged on request threads so far, SLA lines excepted. */
    List<ILoggingEvent> requestEvents() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .filter(e -> e.getThreadName().startsWith("qtp"))
                    .filter(e -> !e.getLoggerName().equals("dk.sosi.sts.sla"))
                    .toList();
        }
    }

    /** All text logged on request threads so far, stack traces included, one event per line. */
    String requestText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : requestEvents()) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                    .append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                text.append(" [stack trace of ").append(event.getThrowableProxy().getClassName()).append(']');
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
