package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The token names a key id that is not in the key ring (never fetched from anywhere). */
public final class UnknownKeyException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public UnknownKeyException(String message) {
    super(ReasonCode.UNKNOWN_KEY, message);
  }

  public UnknownKeyException(String message, Throwable cause) {
    super(ReasonCode.UNKNOWN_KEY, message, cause);
  }
}
