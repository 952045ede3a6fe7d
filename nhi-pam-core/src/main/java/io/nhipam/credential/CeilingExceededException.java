package io.nhipam.credential;

import io.nhipam.error.ReasonCode;

/**
 * A mint, attenuation or renewal asked for more than allowed: scopes beyond the identity's policy
 * or the parent's ({@link ReasonCode#SCOPE_EXCEEDS_CEILING}), a life beyond the policy's maximum
 * TTL or the parent's expiry ({@link ReasonCode#TTL_EXCEEDS_CEILING}), or an identity without a
 * policy ({@link ReasonCode#UNKNOWN_IDENTITY}).
 */
public final class CeilingExceededException extends CredentialException {
  private static final long serialVersionUID = 1L;

  public CeilingExceededException(ReasonCode reason, String message) {
    super(reason, message);
  }
}
