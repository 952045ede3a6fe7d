package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The credential was minted by another issuer. */
public final class WrongIssuerException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public WrongIssuerException(String message) {
    super(ReasonCode.WRONG_ISSUER, message);
  }

  public WrongIssuerException(String message, Throwable cause) {
    super(ReasonCode.WRONG_ISSUER, message, cause);
  }
}
