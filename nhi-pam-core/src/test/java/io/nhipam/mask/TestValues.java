package io.nhipam.mask;

import io.nhipam.secret.SecretFormat;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/** Well-formed sample values for tests (all fake, made here). */
final class TestValues {
  static final String VISA = "4111111111111111";
  static final String VISA_SPACED = "4111 1111 1111 1111";
  static final String IBAN_DE = "DE89370400440532013000";
  static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  private TestValues() {}

  static String nhipamSecret(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return SecretFormat.generate(r);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String githubToken(String body30) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < body30.length(); i++) {
      crc.update(body30.charAt(i));
    }
    long v = crc.getValue();
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = alphabet.charAt((int) (v % 62));
      v /= 62;
    }
    return "ghp_" + body30 + new String(out);
  }
}
