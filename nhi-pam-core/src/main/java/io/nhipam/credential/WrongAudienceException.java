package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The credential was minted for another audience. */
public final class WrongAudienceException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public WrongAudienceException(String message) {
    super(ReasonCode.WRONG_AUDIENCE, message);
  }

  public WrongAudienceException(String message, Throwable cause) {
    super(ReasonCode.WRONG_AUDIENCE, message, cause);
  }
}
