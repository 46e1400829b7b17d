package io.tickwire.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages one logger writes while a test runs (System.Logger goes to java.util.logging), formatted as the
 * console would show them. Close it to detach.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
  }

  public static LogCapture of(String loggerName) {
    LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
    capture.logger.addHandler(capture);
    return capture;
  }

  @Override
  public void publish(LogRecord record) {
    Object[] params = record.getParameters();
    messages.add(params == null ? record.getMessage() : MessageFormat.format(record.getMessage(), params));
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
