package io.nhipam.mask;

/**
 * US social security numbers written {@code AAA-GG-SSSS} or {@code AAA GG SSSS}. Never-issued
 * ranges are excluded: area 000, 666 and 900-999, group 00, serial 0000, and the two numbers
 * published in advertising (078-05-1120, 219-09-9999). Nine unbroken digits are not taken for an
 * SSN: without separators they are indistinguishable from any other nine-digit number.
 */
final class SsnDetector {
  static final int MAX_LENGTH = 11;

  private SsnDetector() {}

  static int match(CharSequence s, int start) {
    int n = s.length();
    if (start + 11 > n) {
      return -1;
    }
    char sep = s.charAt(start + 3);
    if ((sep != '-' && sep != ' ') || s.charAt(start + 6) != sep) {
      return -1;
    }
    int area = digits(s, start, 3);
    int group = digits(s, start + 4, 2);
    int serial = digits(s, start + 7, 4);
    if (area < 0 || group < 0 || serial < 0 || !Chars.endsWord(s, start + 11)) {
      return -1;
    }
    if (start + 12 < n && (s.charAt(start + 11) == sep || s.charAt(start + 11) == '.')
        && Chars.isAsciiDigit(s.charAt(start + 12))) {
      return -1; // part of a longer grouped number
    }
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return -1;
    }
    if ((area == 78 && group == 5 && serial == 1120) || (area == 219 && group == 9 && serial == 9999)) {
      return -1;
    }
    return start + 11;
  }

  private static int digits(CharSequence s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (!Chars.isAsciiDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
