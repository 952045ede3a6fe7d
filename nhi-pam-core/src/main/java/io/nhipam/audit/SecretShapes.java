package io.nhipam.audit;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises values that must never be written to an audit record: tokens, private keys, nhi-pam
 * secrets and card numbers. A second line of defence behind the rule that callers pass ids and
 * {@link AuditFingerprint fingerprints} only; it errs towards refusing.
 */
final class SecretShapes {
  private static final Pattern PASETO = Pattern.compile("v[1-4]\\.(?:local|public)\\.");
  private static final Pattern PASERK_SECRET =
      Pattern.compile("k[1-4]\\.(?:local|secret|seal|local-wrap|secret-wrap|local-pw|secret-pw)\\.");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.");
  private static final Pattern NHIPAM_SECRET = Pattern.compile("nhipam_[0-9A-Za-z]{40,}");
  private static final Pattern PEM_PRIVATE = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private SecretShapes() {}

  /** The kind of secret {@code value} looks like, or {@code null} if it looks harmless. */
  static @Nullable String detect(String value) {
    if (PASETO.matcher(value).find()) {
      return "a PASETO token";
    }
    if (PASERK_SECRET.matcher(value).find()) {
      return "a PASERK secret or symmetric key";
    }
    if (JWT.matcher(value).find()) {
      return "a JWT";
    }
    if (NHIPAM_SECRET.matcher(value).find()) {
      return "an nhi-pam ephemeral secret";
    }
    if (PEM_PRIVATE.matcher(value).find()) {
      return "a PEM private key";
    }
    if (containsCardNumber(value)) {
      return "a payment card number";
    }
    return null;
  }

  /** A run of 13 to 19 digits (single spaces or dashes allowed between them) that passes Luhn. */
  static boolean containsCardNumber(String value) {
    int n = value.length();
    for (int start = 0; start < n; start++) {
      if (!isDigit(value.charAt(start)) || (start > 0 && isDigit(value.charAt(start - 1)))) {
        continue;
      }
      int[] digits = new int[19];
      int count = 0;
      int i = start;
      while (i < n && count < 19) {
        char c = value.charAt(i);
        if (isDigit(c)) {
          digits[count++] = c - '0';
          i++;
          if (count >= 13 && luhn(digits, count) && (i >= n || !isDigit(value.charAt(i)))) {
            return true;
          }
        } else if ((c == ' ' || c == '-') && i + 1 < n && isDigit(value.charAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
    }
    return false;
  }

  private static boolean luhn(int[] digits, int count) {
    int sum = 0;
    boolean twice = false;
    for (int i = count - 1; i >= 0; i--) {
      int d = digits[i];
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
