package io.nhipam.audit;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes every event to each sink in order. Every sink gets the event even if an earlier one
 * failed, so healthy sinks stay complete; then, if any failed, the write fails with the first
 * failure as the cause and the others suppressed.
 */
final class FanOutAuditSink implements AuditSink {
  private final ImmutableList<AuditSink> sinks;

  FanOutAuditSink(List<AuditSink> sinks) {
    this.sinks = ImmutableList.copyOf(sinks);
  }

  @Override
  public void write(AuditEvent event) {
    each("write an event", s -> s.write(event));
  }

  @Override
  public void flush() {
    each("flush", AuditSink::flush);
  }

  @Override
  public void close() {
    each("close", AuditSink::close);
  }

  private void each(String what, Consumer<AuditSink> action) {
    RuntimeException first = null;
    int failed = 0;
    for (AuditSink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        failed++;
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw new AuditException(
          reasonOf(first),
          failed + " of " + sinks.size() + " audit sinks failed to " + what + "; first: "
              + first.getMessage(),
          first);
    }
  }

  private static AuditException.Reason reasonOf(@Nullable RuntimeException e) {
    return e instanceof AuditException
        ? ((AuditException) e).reason()
        : AuditException.Reason.WRITE_FAILED;
  }

  @Override
  public String toString() {
    return "FanOutAuditSink" + sinks;
  }
}
