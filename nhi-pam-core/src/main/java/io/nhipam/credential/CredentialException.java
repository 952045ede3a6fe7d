package io.nhipam.credential;

import io.nhipam.error.NhiPamException;
import io.nhipam.error.ReasonCode;
import java.util.Objects;

/**
 * A credential could not be minted, verified, attenuated, renewed or used. {@link #reason()} is
 * the machine-readable cause; subclasses exist for the causes callers commonly catch.
 */
public class CredentialException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  public CredentialException(ReasonCode reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public CredentialException(ReasonCode reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  /** Why the operation failed. */
  public ReasonCode reason() {
    return reason;
  }
}
