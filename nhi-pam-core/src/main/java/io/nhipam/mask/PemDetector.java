package io.nhipam.mask;

/**
 * PEM private-key blocks: {@code -----BEGIN <anything> PRIVATE KEY-----} (RSA, EC, DSA, OPENSSH,
 * ENCRYPTED, plain PKCS#8) and {@code -----BEGIN PGP PRIVATE KEY BLOCK-----}, through the
 * matching {@code -----END ...-----} line. A block whose end is not found within {@link
 * #MAX_LENGTH} characters is masked up to that limit or the end of the text, whichever comes
 * first: a truncated key is still a key.
 */
final class PemDetector {
  static final int MAX_LENGTH = 8 * 1024;
  private static final String BEGIN = "-----BEGIN ";
  private static final int MAX_LABEL = 40;

  private PemDetector() {}

  static int match(CharSequence s, int start) {
    if (!Chars.startsWith(s, start, BEGIN)) {
      return -1;
    }
    int n = s.length();
    int labelStart = start + BEGIN.length();
    int k = labelStart;
    int labelLimit = Math.min(n, labelStart + MAX_LABEL);
    while (k < labelLimit && (Chars.isAsciiUpper(s.charAt(k)) || s.charAt(k) == ' ')) {
      k++;
    }
    if (!Chars.startsWith(s, k, "-----")) {
      return -1;
    }
    int labelEnd = k;
    if (!endsWith(s, labelStart, labelEnd, "PRIVATE KEY")
        && !endsWith(s, labelStart, labelEnd, "PRIVATE KEY BLOCK")) {
      return -1;
    }
    int limit = Math.min(n, start + MAX_LENGTH);
    int body = labelEnd + 5;
    for (int i = body; i + 9 <= limit; i++) {
      if (s.charAt(i) == '-' && Chars.startsWith(s, i, "-----END ")) {
        int close = i + 9;
        while (close < limit && s.charAt(close) != '-' && s.charAt(close) != '\n') {
          close++;
        }
        if (Chars.startsWith(s, close, "-----") && close + 5 <= limit) {
          return close + 5;
        }
        return close;
      }
    }
    return limit;
  }

  private static boolean endsWith(CharSequence s, int start, int end, String suffix) {
    int len = suffix.length();
    return end - start >= len && Chars.startsWith(s, end - len, suffix);
  }
}
