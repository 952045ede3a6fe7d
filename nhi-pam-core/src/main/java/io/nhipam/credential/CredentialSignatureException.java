package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/** The token's signature does not verify under the key its footer names. */
public final class CredentialSignatureException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public CredentialSignatureException(String message) {
    super(ReasonCode.BAD_SIGNATURE, message);
  }

  public CredentialSignatureException(String message, Throwable cause) {
    super(ReasonCode.BAD_SIGNATURE, message, cause);
  }
}
