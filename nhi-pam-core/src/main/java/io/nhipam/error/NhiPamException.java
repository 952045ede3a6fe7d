package io.nhipam.error;

/**
 * The one unchecked root of every exception nhi-pam throws.
 *
 * <p>Each concern has its own subtree (credentials, policy, access decisions, audit, masking),
 * and each subtype carries structured getters, so callers never need to parse a message.
 * Messages say what happened, why, and what to do; they never contain a token, a secret or a
 * value that masking would hide.
 */
public class NhiPamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NhiPamException(String message) {
    super(message);
  }

  public NhiPamException(String message, Throwable cause) {
    super(message, cause);
  }
}
