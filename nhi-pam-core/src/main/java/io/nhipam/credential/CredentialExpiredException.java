package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The credential's expiry (plus leeway) has passed. */
public final class CredentialExpiredException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public CredentialExpiredException(String message) {
    super(ReasonCode.EXPIRED, message);
  }

  public CredentialExpiredException(String message, Throwable cause) {
    super(ReasonCode.EXPIRED, message, cause);
  }
}
