package io.nhipam.internal.paseto;

import io.nhipam.error.NhiPamException;
import java.util.Objects;

/**
 * A token, key or footer was refused by the PASETO layer.
 *
 * <p>{@link #kind()} says why, so callers map the failure to a decision without reading the
 * message. Messages explain the rule that was broken and never contain token text or key bytes.
 */
public final class PasetoException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  /** Why a token, key or footer was refused. */
  public enum Kind {
    /** Not shaped like a token or PASERK: bad part count, non-canonical base64url, too short. */
    MALFORMED,
    /** Longer than the size cap; refused before any decoding. */
    TOO_LARGE,
    /** Any header other than {@code v4.public.} (other versions, {@code local}, upper case). */
    WRONG_VERSION_OR_PURPOSE,
    /** The Ed25519 signature does not verify over the token with the given key. */
    BAD_SIGNATURE,
    /** The footer is not exactly {@code {"kid":"k4.pid..."}}. */
    BAD_FOOTER,
    /** A key or PASERK of the wrong type, length or content. */
    BAD_KEY,
    /** The claims are not one strict JSON object within the parsing limits. */
    BAD_CLAIMS_JSON
  }

  private final Kind kind;

  PasetoException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Why the input was refused. */
  public Kind kind() {
    return kind;
  }
}
