package io.nhipam.mask;

/** Character classes and small numeric helpers shared by the detectors. No allocation. */
final class Chars {
  private Chars() {}

  /** Decimal value of an ASCII or Unicode decimal digit (full-width too), or -1. */
  static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c < 128) {
      return -1;
    }
    return Character.isDigit(c) ? Character.digit(c, 10) : -1;
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isAsciiAlnum(char c) {
    return isAsciiDigit(c) || isAsciiLetter(c);
  }

  static boolean isHex(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static int hexValue(char c) {
    if (isAsciiDigit(c)) {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Zero-width characters that hide between the digits of a number: ZWSP, ZWNJ, ZWJ, WJ, BOM. */
  static boolean isZeroWidth(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
  }

  /** A letter or digit in any script: what a match must not touch on either side. */
  static boolean isWordChar(char c) {
    if (c < 128) {
      return isAsciiAlnum(c);
    }
    return Character.isLetterOrDigit(c);
  }

  /** Whether the text position {@code i} starts a word (the character before is not a word char). */
  static boolean atBoundary(CharSequence s, int i) {
    return i == 0 || !isWordChar(s.charAt(i - 1));
  }

  /** Whether position {@code end} ends a word (nothing or a non-word character follows). */
  static boolean endsWord(CharSequence s, int end) {
    return end >= s.length() || !isWordChar(s.charAt(end));
  }

  static boolean isBase62(char c) {
    return isAsciiAlnum(c);
  }

  static boolean isBase64Url(char c) {
    return isAsciiAlnum(c) || c == '-' || c == '_';
  }

  /** Whether {@code s} at {@code i} starts with {@code prefix} (exact case). */
  static boolean startsWith(CharSequence s, int i, String prefix) {
    int n = prefix.length();
    if (i + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (s.charAt(i + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} at {@code i} starts with lowercase {@code prefix}, ignoring ASCII case. */
  static boolean startsWithIgnoreCase(CharSequence s, int i, String lowerPrefix) {
    int n = lowerPrefix.length();
    if (i + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (lower(s.charAt(i + k)) != lowerPrefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Counts characters from {@code i} while {@code pred} holds, up to {@code max}. */
  static int runLength(CharSequence s, int i, int max, CharPredicate pred) {
    int n = Math.min(s.length(), i + max);
    int k = i;
    while (k < n && pred.test(s.charAt(k))) {
      k++;
    }
    return k - i;
  }

  /** Shannon entropy in bits per character of {@code s[start, end)}. */
  static double entropy(CharSequence s, int start, int end) {
    int len = end - start;
    if (len <= 0) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / len;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    if (other > 0) {
      double p = (double) other / len;
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  /** A primitive char predicate, to avoid boxing. */
  @FunctionalInterface
  interface CharPredicate {
    boolean test(char c);
  }
}
