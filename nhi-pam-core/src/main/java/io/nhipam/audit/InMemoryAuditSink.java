package io.nhipam.audit;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Keeps events in memory, for tests. Thread-safe. Created by {@link AuditSinks#inMemory()}. */
public final class InMemoryAuditSink implements AuditSink {
  private final List<AuditEvent> events = new ArrayList<>();
  private boolean closed;

  InMemoryAuditSink() {}

  @Override
  public synchronized void write(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new AuditException(
          AuditException.Reason.CLOSED, "the in-memory audit sink is closed; create a new one");
    }
    events.add(event);
  }

  /** A snapshot of every event written so far, in write order. */
  public synchronized List<AuditEvent> events() {
    return ImmutableList.copyOf(events);
  }

  @Override
  public void flush() {
    // Nothing is buffered: every event is in the list once write returns.
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public synchronized String toString() {
    return "InMemoryAuditSink{events=" + events.size() + ", closed=" + closed + "}";
  }
}
