package io.nhipam.audit;

import org.jspecify.annotations.Nullable;

/**
 * Recognises values that must never be written to an audit record: tokens, private keys, nhi-pam
 * secrets and card numbers. A second line of defence behind the rule that callers pass ids and
 * {@link AuditFingerprint fingerprints} only; it errs towards refusing.
 */
final class SecretShapes {
  private static final String[] PASERK_SECRET_TYPES = {
      "local.", "secret.", "seal.", "local-wrap.", "secret-wrap.", "local-pw.", "secret-pw."};

  /**
   * Values recently found harmless, by identity. The Guard records the same few strings over and
   * over (a credential's subject and id, the {@code Scope} a tool or table is guarded by), so a
   * hit skips the scan. A value goes to the slot its hash chooses; the value it displaces moves
   * to its own second slot, so two values that share a slot do not evict each other on every
   * check. Values that are new on every event (correlation ids, messages) are not remembered. Strings are immutable and only
   * harmless ones are stored, so the racy reads and writes of the slots are safe: a reader trusts a
   * slot only if it holds the very same instance it is checking. Only values of at most {@value
   * #CACHED_LENGTH} characters are kept, so at most about 1 MiB is held.
   */
  private static final String[] HARMLESS = new String[4096];
  private static final int CACHED_LENGTH = 128;

  private SecretShapes() {}

  /**
   * Whether this very instance was {@link #rememberHarmless remembered} as harmless: at most two
   * array reads and identity comparisons, no scan.
   */
  static boolean isKnownHarmless(String value) {
    int h = value.hashCode();
    return HARMLESS[first(h)] == value || HARMLESS[second(h)] == value;
  }

  /** Remembers {@code value}, which the caller found harmless with {@link #detect}, if it is short. */
  static void rememberHarmless(String value) {
    if (value.length() > CACHED_LENGTH) {
      return;
    }
    int a = first(value.hashCode());
    String displaced = HARMLESS[a];
    HARMLESS[a] = value;
    if (displaced != null && displaced != value) {
      // a second chance for the value it displaced, in that value's other slot
      HARMLESS[second(displaced.hashCode())] = displaced;
    }
  }

  private static int first(int h) {
    return (h ^ (h >>> 16)) & (HARMLESS.length - 1);
  }

  private static int second(int h) {
    return ((h * 0x9E3779B9) >>> 20) & (HARMLESS.length - 1);
  }

  /**
   * The kind of secret {@code value} looks like, or {@code null} if it looks harmless.
   *
   * <p>One pass over the value with a switch on the character that can start each shape: this
   * runs on every field of every audit event (the Guard's allow path included), so it must cost
   * little more than reading the string. The shapes: a PASETO token ({@code v1-4.local|public.}),
   * a PASERK secret or symmetric key, a JWT ({@code eyJ...}.{@code ...}.), an nhi-pam secret
   * ({@code nhipam_} and 40+ base62), a PEM private key header, and a Luhn-valid card number.
   */
  static @Nullable String detect(String value) {
    if (cannotHoldAShape(value)) {
      return null;
    }
    int n = value.length();
    int digits = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
          digits++;
          break;
        case 'v':
          if (versionDot(value, i) && (value.startsWith("local.", i + 3) || value.startsWith("public.", i + 3))) {
            return "a PASETO token";
          }
          break;
        case 'k':
          if (versionDot(value, i) && startsWithAny(value, i + 3, PASERK_SECRET_TYPES)) {
            return "a PASERK secret or symmetric key";
          }
          break;
        case 'e':
          if (value.startsWith("eyJ", i) && isJwtAt(value, i + 3)) {
            return "a JWT";
          }
          break;
        case 'n':
          if (value.startsWith("nhipam_", i) && base62Run(value, i + 7) >= 40) {
            return "an nhi-pam ephemeral secret";
          }
          break;
        case '-':
          if (value.startsWith("-----BEGIN ", i) && isPrivateKeyHeader(value, i + 11)) {
            return "a PEM private key";
          }
          break;
        default:
          break;
      }
    }
    return digits >= 13 && containsCardNumber(value) ? "a payment card number" : null;
  }

  /**
   * Values that no shape can occur in, recognised without the full scan (they are most of what the
   * Guard records on every check): reason codes and other upper-case words ({@code [A-Z_]+}: every
   * shape needs a lower-case letter, a digit run or {@code -----}), and nhi-pam's own ids
   * ({@code cr_}/{@code ls_}/{@code fp_} + 22 base64url characters: no dot, no space, and they are
   * random identifiers, not secrets).
   */
  private static boolean cannotHoldAShape(String value) {
    int n = value.length();
    if (n == 25 && value.charAt(2) == '_' && (value.startsWith("cr") || value.startsWith("ls")
        || value.startsWith("fp")) && base64UrlRun(value, 3) == 22) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code value[i]} is followed by a version digit 1-4 and a dot ({@code v4.}, {@code k4.}). */
  private static boolean versionDot(String value, int i) {
    return i + 2 < value.length() && value.charAt(i + 1) >= '1' && value.charAt(i + 1) <= '4'
        && value.charAt(i + 2) == '.';
  }

  private static boolean startsWithAny(String value, int at, String[] prefixes) {
    for (String p : prefixes) {
      if (value.startsWith(p, at)) {
        return true;
      }
    }
    return false;
  }

  /** After {@code eyJ}: at least 4 base64url characters, a dot, at least 4 more, a dot. */
  private static boolean isJwtAt(String value, int at) {
    int first = base64UrlRun(value, at);
    if (first < 4 || at + first >= value.length() || value.charAt(at + first) != '.') {
      return false;
    }
    int secondStart = at + first + 1;
    int second = base64UrlRun(value, secondStart);
    return second >= 4 && secondStart + second < value.length() && value.charAt(secondStart + second) == '.';
  }

  /** After {@code -----BEGIN }: upper-case words ending in {@code PRIVATE KEY}, then {@code -----}. */
  private static boolean isPrivateKeyHeader(String value, int at) {
    int j = at;
    while (j < value.length() && ((value.charAt(j) >= 'A' && value.charAt(j) <= 'Z') || value.charAt(j) == ' ')) {
      j++;
    }
    return j - at >= 11 && value.startsWith("PRIVATE KEY", j - 11) && value.startsWith("-----", j);
  }

  private static int base64UrlRun(String value, int at) {
    int j = at;
    while (j < value.length() && (isAlnum(value.charAt(j)) || value.charAt(j) == '_' || value.charAt(j) == '-')) {
      j++;
    }
    return j - at;
  }

  private static int base62Run(String value, int at) {
    int j = at;
    while (j < value.length() && isAlnum(value.charAt(j))) {
      j++;
    }
    return j - at;
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
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
