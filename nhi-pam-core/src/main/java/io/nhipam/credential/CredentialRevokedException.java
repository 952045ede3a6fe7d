package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The credential, one of its ancestors, its lease or its identity was revoked. */
public final class CredentialRevokedException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public CredentialRevokedException(String message) {
    super(ReasonCode.REVOKED, message);
  }

  public CredentialRevokedException(String message, Throwable cause) {
    super(ReasonCode.REVOKED, message, cause);
  }
}
