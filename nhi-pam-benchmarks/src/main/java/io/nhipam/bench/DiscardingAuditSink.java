package io.nhipam.bench;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditSink;
import java.util.concurrent.atomic.LongAdder;

/**
 * An audit sink that accepts every event and keeps only a count, so that a benchmark measures
 * the decision and the building of its audit event, not a disk.
 */
final class DiscardingAuditSink implements AuditSink {
  private final LongAdder written = new LongAdder();

  @Override
  public void write(AuditEvent event) {
    written.increment();
  }

  @Override
  public void flush() {
    // nothing is buffered
  }

  @Override
  public void close() {
    // nothing to release
  }

  long written() {
    return written.sum();
  }
}
