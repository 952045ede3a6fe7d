package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;

/** Internal signal that analysis refuses a statement; turned into a rejected analysis. */
final class SqlRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  SqlRejectedException(ReasonCode reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  ReasonCode reason() {
    return reason;
  }
}
