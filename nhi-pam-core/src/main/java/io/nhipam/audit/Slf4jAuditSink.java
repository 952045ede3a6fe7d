package io.nhipam.audit;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each event as its canonical JSON at INFO. Not tamper-evident: pair it with the chained file
 * sink through {@link AuditSinks#fanOut(AuditSink...)} when the records must hold up in an audit.
 */
final class Slf4jAuditSink implements AuditSink {
  private final Logger logger;
  private volatile boolean closed;

  Slf4jAuditSink(String loggerName) {
    this.logger = LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
  }

  @Override
  public void write(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new AuditException(
          AuditException.Reason.CLOSED, "the SLF4J audit sink " + logger.getName() + " is closed");
    }
    logger.info("{}", RecordCodec.eventJson(event));
  }

  @Override
  public void flush() {
    // SLF4J exposes no flush; the logging backend decides when bytes reach its appenders.
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "Slf4jAuditSink{logger=" + logger.getName() + "}";
  }
}
