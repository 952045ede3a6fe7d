package io.nhipam.mask;

import io.nhipam.error.NhiPamException;

/**
 * A masking configuration could not be used: an unknown action in a policy file, a gitleaks
 * rule file that cannot be read or parsed. Messages never contain a masked value.
 */
public class MaskException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  public MaskException(String message) {
    super(message);
  }

  public MaskException(String message, Throwable cause) {
    super(message, cause);
  }
}
