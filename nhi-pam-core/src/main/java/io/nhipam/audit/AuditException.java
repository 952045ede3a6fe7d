package io.nhipam.audit;

import io.nhipam.error.NhiPamException;
import java.util.Objects;

/**
 * An audit record could not be written (or the audit trail is in a state where it must not be
 * written). Callers that needed the record (mint, revoke, allow) must fail with {@link #reason()}.
 */
public class AuditException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  /** Why the record was not written. */
  public enum Reason {
    /** The sink failed to write or flush (disk full, unwritable path, I/O error). */
    WRITE_FAILED,
    /** The log or sink was already closed. */
    CLOSED,
    /** An earlier asynchronous write failed; the trail has a gap and refuses further records. */
    PREVIOUS_FAILURE,
    /** The thread was interrupted while waiting for room in the queue or for a flush. */
    INTERRUPTED,
    /** Existing log files could not be continued (torn last line, unreadable file). */
    CORRUPT_EXISTING_LOG
  }

  private final Reason reason;

  public AuditException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public AuditException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the record was not written; stable for callers to branch on. */
  public Reason reason() {
    return reason;
  }
}
