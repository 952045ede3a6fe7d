package io.nhipam.internal.paseto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The footer of nhi-pam tokens: exactly {@code {"kid":"k4.pid...."}}, which names the signing
 * key by its PASERK id and nothing else.
 *
 * <p>A footer that could carry a key or a place to fetch one ({@code jwk}, {@code jku}, {@code
 * x5u}, {@code wpk}, a URL) would let a token choose how it is verified; every member other than
 * {@code kid} is therefore refused, as are duplicate members, whitespace and any spelling other
 * than the one {@link #forPid} writes.
 */
public final class Footer {
  /** Longest footer accepted, in bytes; the canonical footer is 61. */
  public static final int MAX_FOOTER_BYTES = 256;

  static final int CANONICAL_BYTES = "{\"kid\":\"".length() + Paserk.PID_CHARS + "\"}".length();
  private static final ObjectMapper MAPPER = StrictJson.newMapper(MAX_FOOTER_BYTES);

  private Footer() {}

  /**
   * The footer bytes for a key id.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if {@code pid} is not a {@code k4.pid}
   */
  public static byte[] forPid(String pid) {
    Paserk.requirePid(pid);
    return ("{\"kid\":\"" + pid + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The key id a footer names.
   *
   * @throws PasetoException of kind {@link Kind#BAD_FOOTER} unless the footer is exactly {@code
   *     {"kid":"<k4.pid>"}}
   */
  public static String parseKid(byte[] footer) {
    Objects.requireNonNull(footer, "footer");
    if (footer.length == 0) {
      throw new PasetoException(
          Kind.BAD_FOOTER,
          "the token has no footer; nhi-pam tokens carry {\"kid\":\"<k4.pid>\"} there so the"
              + " verifier can select the key");
    }
    ObjectNode root =
        StrictJson.parseObject(MAPPER, footer, MAX_FOOTER_BYTES, Kind.BAD_FOOTER, "footer bytes");
    JsonNode kid = root.get("kid");
    if (root.size() != 1 || kid == null) {
      throw new PasetoException(
          Kind.BAD_FOOTER,
          "the footer has " + root.size() + " member(s) but must hold exactly one, 'kid'; members"
              + " such as jwk, jku, x5u or wpk that carry or locate a key are refused, since the"
              + " verifier alone chooses keys");
    }
    if (!kid.isTextual()) {
      throw new PasetoException(
          Kind.BAD_FOOTER, "the footer's kid must be a string, got " + kid.getNodeType());
    }
    String pid = kid.textValue();
    try {
      Paserk.requirePid(pid);
    } catch (PasetoException e) {
      throw new PasetoException(
          Kind.BAD_FOOTER, "the footer's kid is not a k4.pid key id: " + e.getMessage());
    }
    if (!Arrays.equals(footer, forPid(pid))) {
      throw new PasetoException(
          Kind.BAD_FOOTER,
          "the footer is not in canonical form {\"kid\":\"<k4.pid>\"} (no whitespace, no escapes)");
    }
    return pid;
  }
}
