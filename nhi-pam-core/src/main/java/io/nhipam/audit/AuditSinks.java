package io.nhipam.audit;

import java.util.Arrays;
import java.util.Objects;

/**
 * The built-in sinks other than {@link ChainedFileAuditSink} (which has its own builder).
 */
public final class AuditSinks {
  private AuditSinks() {}

  /** Keeps events in memory; for tests. */
  public static InMemoryAuditSink inMemory() {
    return new InMemoryAuditSink();
  }

  /** Logs each event as canonical JSON at INFO on the logger {@code io.nhipam.audit}. */
  public static AuditSink slf4j() {
    return slf4j("io.nhipam.audit");
  }

  /** Logs each event as canonical JSON at INFO on the logger named {@code loggerName}. */
  public static AuditSink slf4j(String loggerName) {
    return new Slf4jAuditSink(loggerName);
  }

  /**
   * Writes each event to every sink; fails (after trying all of them) if any of them fails, so
   * fail-closed holds for the weakest sink.
   */
  public static AuditSink fanOut(AuditSink... sinks) {
    Objects.requireNonNull(sinks, "sinks");
    if (sinks.length == 0) {
      throw new IllegalArgumentException("fanOut needs at least one sink");
    }
    for (int i = 0; i < sinks.length; i++) {
      Objects.requireNonNull(sinks[i], "sinks[" + i + "]");
    }
    return new FanOutAuditSink(Arrays.asList(sinks));
  }
}
