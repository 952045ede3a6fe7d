package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/**
 * The token is not a well-formed nhi-pam PASETO v4.public token: too large, bad encoding,
 * foreign version or purpose ({@link ReasonCode#WRONG_VERSION_OR_PURPOSE}), bad footer, or claims
 * that are missing, duplicated, too deep or inconsistent ({@link ReasonCode#MALFORMED}).
 */
public final class MalformedCredentialException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public MalformedCredentialException(ReasonCode reason, String message) {
    super(reason, message);
  }

  public MalformedCredentialException(ReasonCode reason, String message, Throwable cause) {
    super(reason, message, cause);
  }
}
