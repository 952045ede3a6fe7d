package io.nhipam.internal.paseto;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.util.Base64;

/**
 * Canonical base64url without padding (RFC 4648 section 5), as PASETO and PASERK use it.
 *
 * <p>The decoder accepts exactly one spelling of each byte string: only the characters
 * {@code A-Z a-z 0-9 - _}, no {@code =} padding, no whitespace or line breaks, no length that
 * leaves a lone character, and no set bits in the unused low bits of the last character. So a
 * token cannot be re-spelled into a different string that still decodes to the same bytes.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  static String encode(byte[] data) {
    return ENCODER.encodeToString(data);
  }

  /** Number of characters {@link #encode} produces for {@code byteCount} bytes. */
  static long encodedLength(long byteCount) {
    return (byteCount * 4 + 2) / 3;
  }

  static byte[] decode(CharSequence text, String what) {
    return decode(text, 0, text.length(), what);
  }

  /**
   * Decodes {@code text[from, to)}.
   *
   * @param what names the field in error messages, e.g. "token payload"
   * @throws PasetoException of kind {@link Kind#MALFORMED} if the text is not canonical
   */
  static byte[] decode(CharSequence text, int from, int to, String what) {
    int length = to - from;
    int remainder = length % 4;
    if (remainder == 1) {
      throw new PasetoException(
          Kind.MALFORMED,
          "the " + what + " is not valid base64url: its length of " + length
              + " characters leaves one lone character, which no byte string encodes to;"
              + " the text was truncated or altered");
    }
    byte[] out = new byte[length / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)];
    int outPos = 0;
    int i = from;
    int fullEnd = to - remainder;
    while (i < fullEnd) {
      int bits = value(text, i, from, what) << 18
          | value(text, i + 1, from, what) << 12
          | value(text, i + 2, from, what) << 6
          | value(text, i + 3, from, what);
      out[outPos++] = (byte) (bits >>> 16);
      out[outPos++] = (byte) (bits >>> 8);
      out[outPos++] = (byte) bits;
      i += 4;
    }
    if (remainder == 2) {
      int a = value(text, i, from, what);
      int b = value(text, i + 1, from, what);
      if ((b & 0x0f) != 0) {
        throw nonCanonicalTail(what);
      }
      out[outPos] = (byte) (a << 2 | b >>> 4);
    } else if (remainder == 3) {
      int a = value(text, i, from, what);
      int b = value(text, i + 1, from, what);
      int c = value(text, i + 2, from, what);
      if ((c & 0x03) != 0) {
        throw nonCanonicalTail(what);
      }
      out[outPos++] = (byte) (a << 2 | b >>> 4);
      out[outPos] = (byte) (b << 4 | c >>> 2);
    }
    return out;
  }

  private static int value(CharSequence text, int index, int from, String what) {
    char c = text.charAt(index);
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new PasetoException(
          Kind.MALFORMED,
          "the " + what + " is not canonical base64url: the character at offset " + (index - from)
              + " is outside the URL-safe alphabet A-Z a-z 0-9 - _ (padding '=', '+', '/' and"
              + " whitespace are refused); encode it with base64url without padding");
    }
    return v;
  }

  private static PasetoException nonCanonicalTail(String what) {
    return new PasetoException(
        Kind.MALFORMED,
        "the " + what + " is not canonical base64url: its last character has unused bits set,"
            + " so it is an alternative spelling of other text; only the canonical encoding is"
            + " accepted");
  }
}
