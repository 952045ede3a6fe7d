package io.nhipam.postgres;

import io.nhipam.error.NhiPamException;

/**
 * PostgreSQL could not do what nhi-pam needed: a schema that cannot be migrated, or a revocation
 * that could not be committed. The message says what was (and was not) done and what to do.
 */
public class PostgresException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  public PostgresException(String message) {
    super(message);
  }

  public PostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
