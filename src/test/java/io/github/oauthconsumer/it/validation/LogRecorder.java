package io.github.oauthconsumer.it.validation;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the server logs (java.util.logging's root logger, which every server tested here
 * routes its own logging through) while the deployment runs, so that a test can check that
 * refused requests log no stack trace and at most a line. GET lists one line per record since
 * the last DELETE: {@code LEVEL|logger|has-stack-trace|message}, the first one being
 * {@link #MARKER}.
 */
@Path("log")
@WebListener
public class LogRecorder implements ServletContextListener {

    /** The message of the line logged when recording starts again. */
    public static final String MARKER = "log recording started";

    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                RECORDS.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger.getLogger("").addHandler(HANDLER);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Logger.getLogger("").removeHandler(HANDLER);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String records() {
        StringBuilder out = new StringBuilder();
        for (LogRecord record : RECORDS) {
            String message = record.getMessage() == null ? "" : record.getMessage().replace('\n', ' ');
            out.append(record.getLevel()).append('|').append(record.getLoggerName()).append('|')
                    .append(record.getThrown() != null).append('|').append(message).append('\n');
        }
        return out.toString();
    }

    /** Starts again, with one line of its own, so that a test can see that recording works. */
    @DELETE
    public void clear() {
        RECORDS.clear();
        Logger.getLogger(LogRecorder.class.getName()).info(MARKER);
    }
}
