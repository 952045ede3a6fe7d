package io.nhipam.secret;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The wire format of nhi-pam ephemeral secrets, shared by the issuer and the masker.
 *
 * <p>A secret reads {@code nhipam_} followed by 43 base62 characters of randomness (256 bits)
 * and 6 base62 characters of CRC-32 over those 43, for 56 characters in all, e.g.
 * {@code nhipam_3xK...Q1b9zZ}. The fixed prefix lets secret scanners find a leaked copy; the
 * checksum lets them (and our masker) tell a real secret from a random string of the same shape
 * without asking the issuer. The checksum is not a security control: a secret is only valid if
 * the issuer holds its hash.
 */
public final class SecretFormat {
  /** Every ephemeral secret starts with this prefix. */
  public static final String PREFIX = "nhipam_";
  /** Number of base62 characters of randomness: 62^43 &gt; 2^256. */
  public static final int RANDOM_CHARS = 43;
  /** Number of base62 characters of checksum: 62^6 &gt; 2^32. */
  public static final int CHECKSUM_CHARS = 6;
  /** Total length of a secret, prefix included. */
  public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS;

  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private SecretFormat() {}

  /** Generates a fresh secret with at least 256 bits of randomness from {@code random}. */
  public static String generate(SecureRandom random) {
    char[] body = new char[RANDOM_CHARS];
    for (int i = 0; i < RANDOM_CHARS; i++) {
      body[i] = BASE62[random.nextInt(BASE62.length)];
    }
    String randomPart = new String(body);
    return PREFIX + randomPart + checksum(randomPart);
  }

  /**
   * Whether {@code candidate} has the exact shape of an nhi-pam secret and its checksum holds.
   * Says nothing about whether the secret was ever issued or is still valid.
   */
  public static boolean isWellFormed(CharSequence candidate) {
    if (candidate.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < PREFIX.length(); i++) {
      if (candidate.charAt(i) != PREFIX.charAt(i)) {
        return false;
      }
    }
    for (int i = PREFIX.length(); i < LENGTH; i++) {
      if (!isBase62(candidate.charAt(i))) {
        return false;
      }
    }
    String randomPart = candidate.subSequence(PREFIX.length(), PREFIX.length() + RANDOM_CHARS).toString();
    String check = candidate.subSequence(PREFIX.length() + RANDOM_CHARS, LENGTH).toString();
    return checksum(randomPart).equals(check);
  }

  /** Whether {@code c} is one of the 62 characters the secret body uses. */
  public static boolean isBase62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static String checksum(String randomPart) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < randomPart.length(); i++) {
      crc.update(randomPart.charAt(i));
    }
    long value = crc.getValue();
    char[] out = new char[CHECKSUM_CHARS];
    for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
      out[i] = BASE62[(int) (value % 62)];
      value /= 62;
    }
    return new String(out);
  }
}
