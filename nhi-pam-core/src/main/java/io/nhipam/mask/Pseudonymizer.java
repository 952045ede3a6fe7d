package io.nhipam.mask;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA256 under a fixed key over the detector id and the value's
 * normalised form (digits and letters only for numbers such as cards and IBANs, so differently
 * formatted copies of one card get one pseudonym). 72 bits of the MAC, base64url: {@code
 * [CARD:k7Hf3xQ2aB9z]}. A {@link Mac} per call keeps this thread-safe.
 */
final class Pseudonymizer {
  private static final int TOKEN_CHARS = 12;
  private final SecretKeySpec key;

  Pseudonymizer(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  String pseudonym(String detectorId, CharSequence s, int start, int end) {
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
    mac.update(detectorId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(normalise(detectorId, s, start, end).getBytes(StandardCharsets.UTF_8));
    byte[] digest = mac.doFinal();
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return "[" + Rewriter.label(detectorId) + ":" + token.substring(0, TOKEN_CHARS) + "]";
  }

  private static String normalise(String detectorId, CharSequence s, int start, int end) {
    boolean numeric =
        detectorId.equals(DetectorIds.CARD) || detectorId.equals(DetectorIds.IBAN)
            || detectorId.equals(DetectorIds.SSN) || detectorId.equals(DetectorIds.PHONE);
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      int d = Chars.digit(c);
      if (d >= 0) {
        b.append((char) ('0' + d));
      } else if (Chars.isZeroWidth(c)) {
        continue;
      } else if (!numeric || Chars.isAsciiLetter(c)) {
        b.append(c);
      }
    }
    String out = b.toString();
    return numeric ? out.toUpperCase(Locale.ROOT) : out;
  }

  @Override
  public String toString() {
    return "Pseudonymizer{key=<redacted>}";
  }
}
