package io.nhipam.audit;

/**
 * Where audit events go. Implementations must either persist the event or throw: a sink that
 * swallows a failure breaks the fail-closed promise of {@link AuditLog}.
 *
 * <p>{@link AuditLog} never calls one sink from two threads at once, but sinks shared elsewhere
 * should be thread-safe; the built-in ones are.
 */
public interface AuditSink extends AutoCloseable {
  /**
   * Persists one event.
   *
   * @throws AuditException if the event was not persisted; the caller must treat the operation
   *     that produced the event as failed
   */
  void write(AuditEvent event);

  /** Pushes everything written so far to durable storage, or throws {@link AuditException}. */
  void flush();

  /** Flushes and releases resources; later writes throw {@link AuditException} (CLOSED). */
  @Override
  void close();
}
