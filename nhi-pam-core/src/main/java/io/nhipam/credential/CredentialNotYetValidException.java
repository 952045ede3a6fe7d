package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The credential's not-before time (minus leeway) has not come yet. */
public final class CredentialNotYetValidException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public CredentialNotYetValidException(String message) {
    super(ReasonCode.NOT_YET_VALID, message);
  }

  public CredentialNotYetValidException(String message, Throwable cause) {
    super(ReasonCode.NOT_YET_VALID, message, cause);
  }
}
