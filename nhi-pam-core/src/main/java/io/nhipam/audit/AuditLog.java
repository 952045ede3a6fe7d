package io.nhipam.audit;

import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front through which the rest of core records audit events. Thread-safe.
 *
 * <p><b>Synchronous (default): fail closed.</b> {@link #record} returns only after the sink
 * accepted the event; if the sink throws, {@code record} throws {@link AuditException} and the
 * caller (mint, revoke, allow, ...) must fail with {@link AuditException#reason()}.
 *
 * <p><b>Asynchronous ({@link Builder#async(int)}).</b> Events go through a bounded queue to one
 * writer thread. {@code record} blocks while the queue is full (back-pressure: nothing is dropped);
 * {@link #flush()} returns after every event recorded before it reached the sink and the sink
 * flushed; {@link #close()} loses nothing. The price: a sink failure surfaces on the <em>next</em>
 * {@code record}, {@code flush} or {@code close} (all of which then throw), not on the call whose
 * event failed. Use it when throughput matters more than that one call.
 *
 * <p><b>{@link Builder#allowEventsBestEffort()}</b> relaxes fail-closed for {@link
 * AuditEventType#ALLOW} events only: a failed ALLOW is counted ({@link #bestEffortFailures()}) and
 * logged through SLF4J instead of thrown. Every other type still fails closed.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final AuditSink sink;
  private final FailurePolicy policy;
  private final @Nullable AsyncWriter async;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  /** Decides which failed writes are tolerated; counts and logs those. */
  static final class FailurePolicy {
    private final boolean allowBestEffort;
    private final AtomicLong tolerated = new AtomicLong();

    FailurePolicy(boolean allowBestEffort) {
      this.allowBestEffort = allowBestEffort;
    }

    boolean tolerate(AuditEvent event, RuntimeException failure) {
      if (!allowBestEffort || event.type() != AuditEventType.ALLOW) {
        return false;
      }
      long n = tolerated.incrementAndGet();
      LOG.warn(
          "audit: an ALLOW event was NOT recorded (allowEventsBestEffort is on; {} such"
              + " failure(s) so far): {}",
          n,
          failure.toString());
      return true;
    }
  }

  private AuditLog(AuditSink sink, boolean allowBestEffort, int queueCapacity) {
    this.sink = sink;
    this.policy = new FailurePolicy(allowBestEffort);
    this.async = queueCapacity > 0 ? new AsyncWriter(sink, queueCapacity, policy) : null;
  }

  /** A synchronous, fail-closed log over {@code sink}. */
  public static AuditLog of(AuditSink sink) {
    return builder(sink).build();
  }

  /** Starts configuring a log over {@code sink}. */
  public static Builder builder(AuditSink sink) {
    return new Builder(sink);
  }

  /**
   * Records {@code event}.
   *
   * @throws AuditException if the event was not recorded (synchronous mode), or an earlier event
   *     was not (asynchronous mode), or the log is closed
   */
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (async != null) {
      async.submit(event);
      return;
    }
    lock.lock();
    try {
      if (closed) {
        throw new AuditException(
            AuditException.Reason.CLOSED, "the audit log is closed; nothing more can be recorded");
      }
      sink.write(event);
    } catch (RuntimeException e) {
      if (!policy.tolerate(event, e)) {
        throw asAuditException(e, event);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes everything recorded so far durable in the sink, or throws {@link AuditException}. */
  public void flush() {
    if (async != null) {
      async.flush();
      return;
    }
    lock.lock();
    try {
      if (closed) {
        throw new AuditException(AuditException.Reason.CLOSED, "the audit log is closed");
      }
      sink.flush();
    } catch (RuntimeException e) {
      throw asAuditException(e, null);
    } finally {
      lock.unlock();
    }
  }

  /** Writes everything still queued, then closes the sink. Idempotent. */
  @Override
  public void close() {
    if (async != null) {
      async.close();
      return;
    }
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      sink.close();
    } catch (RuntimeException e) {
      throw asAuditException(e, null);
    } finally {
      lock.unlock();
    }
  }

  /** How many ALLOW events were not recorded under {@link Builder#allowEventsBestEffort()}. */
  public long bestEffortFailures() {
    return policy.tolerated.get();
  }

  private static AuditException asAuditException(RuntimeException e, @Nullable AuditEvent event) {
    if (e instanceof AuditException) {
      return (AuditException) e;
    }
    String what = event == null ? "flush the audit sink" : "record the " + event.type() + " event";
    return new AuditException(
        AuditException.Reason.WRITE_FAILED,
        "could not " + what + ": " + e + "; the operation that needed it must fail",
        e);
  }

  @Override
  public String toString() {
    return "AuditLog{sink=" + sink + ", mode=" + (async == null ? "sync" : "async")
        + ", allowEventsBestEffort=" + policy.allowBestEffort + "}";
  }

  /** Configures an {@link AuditLog}; each option may be set at most once. */
  public static final class Builder {
    private final AuditSink sink;
    private int queueCapacity;
    private boolean allowBestEffort;

    private Builder(AuditSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Writes through a bounded queue of {@code capacity} events and one writer thread; see the
     * class javadoc for what changes about failures.
     */
    public Builder async(int capacity) {
      Preconditions.checkState(queueCapacity == 0, "async was already set to %s", queueCapacity);
      Preconditions.checkArgument(capacity >= 1, "the queue capacity must be positive, got %s",
          capacity);
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Lets ALLOW events be lost when the sink fails (counted and logged, not thrown). Deny, mint,
     * revoke and every other type still fail closed. Only for deployments whose allow path must
     * not depend on the audit disk; auditors will see the gap only in the application log.
     */
    public Builder allowEventsBestEffort() {
      Preconditions.checkState(!allowBestEffort, "allowEventsBestEffort was already set");
      this.allowBestEffort = true;
      return this;
    }

    public AuditLog build() {
      return new AuditLog(sink, allowBestEffort, queueCapacity);
    }
  }
}
