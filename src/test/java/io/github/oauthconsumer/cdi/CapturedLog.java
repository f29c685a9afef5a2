package io.github.oauthconsumer.cdi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one logger publishes while it is open, at the level asked for; closing restores the logger. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(Class<?> source, Level level) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(level);
        logger.addHandler(handler);
    }

    /** Captures what the logger of this class logs at {@code level} or above. */
    static CapturedLog of(Class<?> source, Level level) {
        return new CapturedLog(source, level);
    }

    /** What was logged so far. */
    List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
